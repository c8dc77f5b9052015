package dev.ember.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import dev.ember.rdd.RDD;
import dev.ember.rdd.ShuffledRDD;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shuffles several times larger than an 8 MB memory budget complete correctly by spilling. */
class ShuffleSpillTest {

  private EmberContext sc;
  private final AtomicLong diskBytesSpilled = new AtomicLong();
  private final AtomicLong shuffleRecordsWritten = new AtomicLong();
  private final AtomicLong shuffleRecordsRead = new AtomicLong();

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("ShuffleSpillTest")
        .set("ember.testing.memory", String.valueOf(8L << 20))
        .set("ember.testing.reservedMemory", "0"));
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        if (event.metrics() != null) {
          diskBytesSpilled.addAndGet(event.metrics().diskBytesSpilled());
          shuffleRecordsWritten.addAndGet(event.metrics().shuffleRecordsWritten());
          shuffleRecordsRead.addAndGet(event.metrics().shuffleRecordsRead());
        }
      }
    });
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private void awaitListeners() throws InterruptedException {
    assertThat(sc.listenerBus().waitUntilEmpty(10_000)).isTrue();
  }

  @Test
  void groupByKeySpillsAndGroupsEveryValue() throws InterruptedException {
    int records = 400_000;
    int keys = 5_000;
    PairRDD<Integer, Iterable<Integer>> grouped = sc.range(0, records, 1, 4)
        .mapToPair(x -> new Tuple2<>((int) (x % keys), (int) (long) x))
        .groupByKey(2);
    // Per key: its count and its sum, folded on the executors so only 5000 small pairs come back.
    Map<Integer, long[]> summary = grouped.mapValues(values -> {
      long count = 0;
      long sum = 0;
      for (int v : values) {
        count++;
        sum += v;
      }
      return new long[] {count, sum};
    }).collectAsMap();
    assertThat(summary).hasSize(keys);
    long perKey = records / keys;
    for (int key : List.of(0, 1, 2_499, 4_999)) {
      // Values of key k are k, k + 5000, ..., k + 5000 * 79.
      assertThat(summary.get(key)).containsExactly(perKey, perKey * key + (long) keys * (perKey * (perKey - 1) / 2));
    }
    awaitListeners();
    assertThat(diskBytesSpilled.get()).isPositive();
    assertThat(shuffleRecordsWritten.get()).isEqualTo(records);
    assertThat(shuffleRecordsRead.get()).isEqualTo(records);
  }

  @Test
  void sortByKeySpillsAndSortsEveryPartition() throws InterruptedException {
    int records = 300_000;
    RDD<Tuple2<Integer, Integer>> pairs = sc.range(0, records, 1, 4)
        .map(x -> new Tuple2<>((int) ((x * 7_919L) % records), (int) (long) x));
    ShuffledRDD<Integer, Integer, Integer> sorted = new ShuffledRDD<Integer, Integer, Integer>(pairs,
        new HashPartitioner(2)).setKeyOrdering(Comparator.<Integer>naturalOrder());
    // For each partition: its size, whether its keys ascend, and the sum of its keys.
    List<long[]> perPartition = sorted.mapPartitionsWithIndex((index, it) -> {
      long count = 0;
      long sum = 0;
      long ascending = 1;
      int previous = Integer.MIN_VALUE;
      while (it.hasNext()) {
        int key = it.next()._1();
        ascending &= key >= previous ? 1 : 0;
        previous = key;
        count++;
        sum += key;
      }
      List<long[]> one = new ArrayList<>();
      one.add(new long[] {index, count, ascending, sum});
      return one.iterator();
    }, false).collect();
    assertThat(perPartition).hasSize(2);
    // 7919 is prime to 300000, so the keys are a permutation of 0..299999: evens in partition 0, odds in 1.
    assertThat(perPartition.get(0)).containsExactly(0, 150_000, 1, 2 * (149_999L * 150_000 / 2));
    assertThat(perPartition.get(1)).containsExactly(1, 150_000, 1, 2 * (149_999L * 150_000 / 2) + 150_000);
    awaitListeners();
    assertThat(diskBytesSpilled.get()).isPositive();
  }

  @Test
  void reduceByKeyWithManyKeysSpillsOnBothSides() throws InterruptedException {
    int keys = 100_000;
    // Every key appears twice, in different map partitions, as "k<n>" -> n and "k<n>" -> 1.
    PairRDD<String, Long> sums = sc.range(0, 2L * keys, 1, 4)
        .mapToPair(x -> x < keys ? new Tuple2<>("k" + x, x) : new Tuple2<>("k" + (x - keys), 1L))
        .reduceByKey(Long::sum, 2);
    List<Long> totals = sums.values().mapPartitions(it -> {
      long count = 0;
      long sum = 0;
      while (it.hasNext()) {
        sum += it.next();
        count++;
      }
      return List.of(count, sum).iterator();
    }).collect();
    assertThat(totals.get(0) + totals.get(2)).isEqualTo(keys);
    assertThat(totals.get(1) + totals.get(3)).isEqualTo((long) keys * (keys - 1) / 2 + keys);
    awaitListeners();
    assertThat(diskBytesSpilled.get()).isPositive();
  }
}
