package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.FutureAction;
import dev.ember.util.LongAccumulator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncActionsTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("AsyncActionsTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void countAndCollectAsync() throws Exception {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7), 3);
    FutureAction<Long> count = numbers.countAsync();
    FutureAction<List<Integer>> doubled = numbers.map(x -> x * 2).collectAsync();
    assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
    assertThat(doubled.get()).containsExactly(2, 4, 6, 8, 10, 12, 14);
    assertThat(count.isDone()).isTrue();
    assertThat(count.isCancelled()).isFalse();
    assertThat(count.jobIds()).hasSize(1);
    assertThat(doubled.jobIds()).hasSize(1).doesNotContainAnyElementsOf(count.jobIds());
    assertThat(sc.<Integer>emptyRDD().countAsync().get()).isZero();
  }

  @Test
  void foreachAsyncAndForeachPartitionAsyncRunOnEveryElement() throws Exception {
    LongAccumulator sum = sc.longAccumulator("sum");
    LongAccumulator partitions = sc.longAccumulator("partitions");
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4), 2);
    assertThat(numbers.foreachAsync(x -> sum.add(x)).get()).isNull();
    numbers.foreachPartitionAsync(it -> partitions.add(1)).get();
    assertThat(sum.value()).isEqualTo(10);
    assertThat(partitions.value()).isEqualTo(2);
  }

  @Test
  void takeAsyncScansMorePartitionsUntilItHasEnough() throws Exception {
    // Only the last of 8 partitions holds elements above 70: 1 partition, then 4, then the remaining 3.
    RDD<Integer> sparse = sc.parallelize(java.util.stream.IntStream.range(0, 80).boxed().toList(), 8)
        .filter(x -> x >= 75);
    FutureAction<List<Integer>> taken = sparse.takeAsync(3);
    assertThat(taken.get(10, TimeUnit.SECONDS)).containsExactly(75, 76, 77);
    assertThat(taken.jobIds()).hasSize(3);

    FutureAction<List<Integer>> firstTwo = sc.parallelize(List.of(1, 2, 3, 4), 2).takeAsync(2);
    assertThat(firstTwo.get()).containsExactly(1, 2);
    assertThat(firstTwo.jobIds()).hasSize(1);
    assertThat(sc.parallelize(List.of(1, 2), 2).takeAsync(10).get()).containsExactly(1, 2);
    assertThat(sc.parallelize(List.of(1, 2), 2).takeAsync(0).get()).isEmpty();
  }

  @Test
  void failedJobSurfacesAsExecutionExceptionWithTheRootCause() {
    FutureAction<Long> failing = sc.parallelize(List.of(1, 2), 2).map(x -> {
      if (x == 2) {
        throw new IllegalArgumentException("bad record " + x);
      }
      return x;
    }).countAsync();
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EmberException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("bad record 2");
    FutureAction<List<Integer>> failingTake = sc.parallelize(List.of(1), 1).map(x -> {
      throw new IllegalStateException("take failed");
    }).map(x -> (Integer) x).takeAsync(1);
    assertThatThrownBy(failingTake::get).isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("take failed");
  }
}
