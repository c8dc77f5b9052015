package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Tuple2;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RDDActionsTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("RDDActionsTest"));
    countTasks();
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private RDD<Integer> range(int from, int to, int partitions) {
    return sc.parallelize(IntStream.range(from, to).boxed().toList(), partitions);
  }

  /** Counts finished tasks, i.e. computed partitions, through the listener bus. */
  private final AtomicInteger tasks = new AtomicInteger();

  private int tasksRun() throws InterruptedException {
    sc.listenerBus().waitUntilEmpty(5000);
    return tasks.getAndSet(0);
  }

  private void countTasks() {
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        tasks.incrementAndGet();
      }
    });
  }

  @Test
  void firstAndTakeScanPartitionsIncrementally() throws InterruptedException {
    RDD<Integer> rdd = range(0, 20, 10);   // 2 elements per partition
    assertThat(rdd.first()).isEqualTo(0);
    assertThat(tasksRun()).isEqualTo(1);
    assertThat(rdd.take(3)).containsExactly(0, 1, 2);
    // round 1: 1 partition gives 2; round 2: 1 left, ceil(1.5 * 1 * 1 / 2) = 1 more partition
    assertThat(tasksRun()).isEqualTo(2);
    assertThat(rdd.take(100)).hasSize(20);
    // rounds of 1, 4 and the remaining 5 partitions
    assertThat(tasksRun()).isEqualTo(10);
    assertThat(rdd.take(0)).isEmpty();
    assertThat(tasksRun()).isZero();
  }

  @Test
  void partsToTryGrowsLikeSparkTake() {
    assertThat(PartialScan.partsToTry(10, 0, 0, 4)).isEqualTo(1);
    assertThat(PartialScan.partsToTry(10, 1, 0, 4)).isEqualTo(4);
    assertThat(PartialScan.partsToTry(10, 5, 0, 4)).isEqualTo(20);
    assertThat(PartialScan.partsToTry(10, 5, 0, 2)).isEqualTo(10);
    // 2 found in 4 partitions, 8 still wanted: ceil(1.5 * 8 * 4 / 2) = 24, capped at 4 * 4.
    assertThat(PartialScan.partsToTry(10, 4, 2, 4)).isEqualTo(16);
    // 9 found in 2 partitions, 1 still wanted: ceil(1.5 * 1 * 2 / 9) = 1.
    assertThat(PartialScan.partsToTry(10, 2, 9, 4)).isEqualTo(1);
    // 2 found in 1 partition, 1 of 3 still wanted: ceil(1.5 * 1 * 1 / 2) = 1, as the incremental take counts.
    assertThat(PartialScan.partsToTry(3, 1, 2, 4)).isEqualTo(1);
  }

  @Test
  void takeGrowsByFourWhenPartitionsAreEmpty() throws InterruptedException {
    // 10 partitions, only the last holds data: rounds scan 1, then 4, then 5 (the rest) partitions
    RDD<Integer> rdd = range(0, 10, 10).filter(x -> x == 9);
    assertThat(rdd.take(1)).containsExactly(9);
    assertThat(tasksRun()).isEqualTo(10);
    RDD<Integer> early = range(0, 10, 10).filter(x -> x == 3);
    assertThat(early.take(1)).containsExactly(3);   // partition 3 is in round 2 (partitions 1 to 4)
    assertThat(tasksRun()).isEqualTo(5);
  }

  @Test
  void takeHonoursTheScaleUpFactorForRddsAndPairRdds() throws InterruptedException {
    sc.stop();
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("RDDActionsTest")
        .set("spark.rdd.limit.scaleUpFactor", "2"));
    countTasks();
    // 10 partitions, only the last holds data: rounds scan 1, then 1 * 2, then 3 * 2, then the last 1
    RDD<Integer> rdd = range(0, 10, 10).filter(x -> x == 9);
    assertThat(rdd.take(1)).containsExactly(9);
    assertThat(tasksRun()).isEqualTo(10);
    // partition 3 is in round 3 (partitions 3 to 8) after rounds of 1 and 2 partitions
    assertThat(range(0, 10, 10).filter(x -> x == 3).mapToPair(x -> new Tuple2<>(x, x)).take(1))
        .extracting(Tuple2::_1).containsExactly(3);
    assertThat(tasksRun()).isEqualTo(9);
  }

  @Test
  void firstOfEmptyFailsLikeSpark() {
    assertThatThrownBy(() -> sc.parallelize(List.<Integer>of(), 2).first())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("empty collection");
    assertThat(sc.<Integer>emptyRDD().isEmpty()).isTrue();
    assertThat(sc.parallelize(List.<Integer>of(), 3).isEmpty()).isTrue();
    assertThat(range(0, 1, 3).isEmpty()).isFalse();
  }

  @Test
  void takeOrderedTopMinMax() {
    RDD<Integer> rdd = sc.parallelize(List.of(5, 1, 9, 3, 7, 2, 8), 3);
    assertThat(rdd.takeOrdered(3)).containsExactly(1, 2, 3);
    assertThat(rdd.top(3)).containsExactly(9, 8, 7);
    Comparator<Integer> byLastDigitOfSquare = (Comparator<Integer> & Serializable) (a, b) ->
        Integer.compare(a * a % 10, b * b % 10);
    // squares mod 10: 5->5, 1->1, 9->1, 3->9, 7->9, 2->4, 8->4
    assertThat(rdd.takeOrdered(2, byLastDigitOfSquare)).extracting(x -> x * x % 10).containsExactly(1, 1);
    assertThat(rdd.top(1, byLastDigitOfSquare).get(0) * rdd.top(1, byLastDigitOfSquare).get(0) % 10).isEqualTo(9);
    assertThat(rdd.min(Comparator.naturalOrder())).isEqualTo(1);
    assertThat(rdd.max(Comparator.naturalOrder())).isEqualTo(9);
    assertThat(rdd.takeOrdered(20)).containsExactly(1, 2, 3, 5, 7, 8, 9);
    assertThatThrownBy(() -> rdd.takeOrdered(2, (a, b) -> a - b))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("TASK_NOT_SERIALIZABLE");
  }

  @Test
  void takeSampleReturnsExactlyNumDeterministically() {
    RDD<Integer> rdd = range(0, 100, 4);
    List<Integer> sample = rdd.takeSample(false, 10, 5);
    assertThat(sample).hasSize(10);
    assertThat(new HashSet<>(sample)).hasSize(10);
    assertThat(rdd.takeSample(false, 10, 5)).isEqualTo(sample);
    assertThat(rdd.takeSample(true, 150, 5)).hasSize(150).allSatisfy(x -> assertThat(x).isBetween(0, 99));
    assertThat(new HashSet<>(rdd.takeSample(false, 500, 1))).hasSize(100);
    assertThat(rdd.takeSample(false, 0, 1)).isEmpty();
  }

  @Test
  void foldAggregateAndTreeAggregate() {
    RDD<Integer> rdd = range(1, 11, 4);
    assertThat(rdd.fold(0, Integer::sum)).isEqualTo(55);
    // zero 1 is used once per partition and once on the driver: 55 + 5
    assertThat(rdd.fold(1, Integer::sum)).isEqualTo(60);
    int[] sumAndCount = rdd.aggregate(new int[2], (acc, x) -> {
      acc[0] += x;
      acc[1]++;
      return acc;
    }, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
    assertThat(sumAndCount).containsExactly(55, 10);
    RDD<Integer> wide = range(1, 101, 20);
    assertThat(wide.treeAggregate(0L, (acc, x) -> acc + x, Long::sum)).isEqualTo(5050L);
    assertThat(wide.treeAggregate(0L, (acc, x) -> acc + x, Long::sum, 3)).isEqualTo(5050L);
    assertThat(sc.<Integer>emptyRDD().treeAggregate(7, Integer::sum, Integer::sum)).isEqualTo(7);
  }

  @Test
  void countByValueCountsEachElement() {
    Map<String, Long> counts = sc.parallelize(List.of("a", "b", "a", "c", "a", "b"), 3).countByValue();
    assertThat(counts).isEqualTo(Map.of("a", 3L, "b", 2L, "c", 1L));
  }

  @Test
  void toLocalIteratorRunsOneJobPerPartitionLazily() throws InterruptedException {
    Iterator<Integer> it = range(0, 6, 3).toLocalIterator();
    assertThat(tasksRun()).isZero();
    assertThat(it.next()).isEqualTo(0);
    assertThat(tasksRun()).isEqualTo(1);
    List<Integer> rest = new ArrayList<>();
    it.forEachRemaining(rest::add);
    assertThat(rest).containsExactly(1, 2, 3, 4, 5);
    assertThat(tasksRun()).isEqualTo(2);
  }
}
