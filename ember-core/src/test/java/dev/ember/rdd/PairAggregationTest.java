package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.util.LongAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairAggregationTest {

  private EmberContext sc;
  private PairRDD<String, Integer> pairs;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("PairAggregationTest"));
    // a: 1, 3, 5 (in slices 0, 1, 2); b: 2, 4 (slices 0, 1); c: 6 (slice 2).
    pairs = PairRDD.fromRDD(sc.parallelize(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2),
        new Tuple2<>("a", 3), new Tuple2<>("b", 4), new Tuple2<>("a", 5), new Tuple2<>("c", 6)), 3));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void aggregateByKeyGivesEachKeyItsOwnCopyOfAMutableZero() {
    // One slice, so one task's closure sees every key: a shared zero list would collect all six values.
    PairRDD<String, Integer> oneSlice = PairRDD.fromRDD(sc.parallelize(pairs.collect(), 1));
    Map<String, ArrayList<Integer>> lists = oneSlice.aggregateByKey(new ArrayList<Integer>(),
        (list, v) -> {
          list.add(v);
          return list;
        },
        (x, y) -> {
          x.addAll(y);
          return x;
        }).collectAsMap();
    lists.values().forEach(Collections::sort);
    assertThat(lists).isEqualTo(Map.of("a", List.of(1, 3, 5), "b", List.of(2, 4), "c", List.of(6)));
  }

  @Test
  void aggregateByKeyComputesSumAndCount() {
    // (sum, count) per key: a = (9, 3), b = (6, 2), c = (6, 1).
    Map<String, Tuple2<Integer, Integer>> sums = pairs.aggregateByKey(new Tuple2<>(0, 0), 2,
        (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
        (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2())).collectAsMap();
    assertThat(sums).isEqualTo(Map.of("a", new Tuple2<>(9, 3), "b", new Tuple2<>(6, 2), "c", new Tuple2<>(6, 1)));
    PairRDD<String, Integer> max = pairs.aggregateByKey(Integer.MIN_VALUE, new HashPartitioner(4), Math::max,
        Math::max);
    assertThat(max.partitioner()).contains(new HashPartitioner(4));
    assertThat(max.collectAsMap()).isEqualTo(Map.of("a", 5, "b", 4, "c", 6));
  }

  @Test
  void failingSeqOpFailsTheJobWithItsCause() {
    assertThatThrownBy(() -> pairs.aggregateByKey(0, (acc, v) -> {
      if (v == 4) {
        throw new IllegalStateException("bad value " + v);
      }
      return acc + v;
    }, Integer::sum).collect())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("bad value 4")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void unserializableZeroValueIsRejectedBeforeRunning() {
    // A plain lambda is neither Serializable nor something the data serializer can write.
    Runnable notSerializable = () -> { };
    assertThatThrownBy(() -> pairs.foldByKey(0, Integer::sum).aggregateByKey(notSerializable, (acc, v) -> acc,
        (x, y) -> x))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("ZERO_VALUE_NOT_SERIALIZABLE");
  }

  @Test
  void foldByKeyAddsTheZeroOncePerPartitionHoldingTheKey() {
    assertThat(pairs.foldByKey(0, Integer::sum).collectAsMap()).isEqualTo(Map.of("a", 9, "b", 6, "c", 6));
    // a lives in three slices, b in two, c in one: a zero of 10 is added that many times.
    assertThat(pairs.foldByKey(10, 2, Integer::sum).collectAsMap())
        .isEqualTo(Map.of("a", 39, "b", 26, "c", 16));
    assertThat(pairs.foldByKey(1, new HashPartitioner(2), (x, y) -> x * y).collectAsMap())
        .isEqualTo(Map.of("a", 15, "b", 8, "c", 6));
  }

  @Test
  void combineByKeyWithAPartitioner() {
    PairRDD<String, String> joined = pairs.combineByKey(v -> "" + v, (c, v) -> c + v, (x, y) -> x + y,
        new HashPartitioner(2));
    assertThat(joined.partitioner()).contains(new HashPartitioner(2));
    Map<String, String> sortedDigits = new HashMap<>();
    joined.collectAsMap().forEach((k, v) -> {
      char[] digits = v.toCharArray();
      Arrays.sort(digits);
      sortedDigits.put(k, new String(digits));
    });
    assertThat(sortedDigits).isEqualTo(Map.of("a", "135", "b", "24", "c", "6"));
  }

  @Test
  void flatMapValuesKeepsKeysAndPartitioning() {
    PairRDD<String, String> sentences = PairRDD.fromRDD(sc.parallelize(List.of(new Tuple2<>("x", "p q"),
        new Tuple2<>("y", ""), new Tuple2<>("z", "r")), 2)).partitionBy(new HashPartitioner(2));
    PairRDD<String, String> words = sentences.flatMapValues(s -> s.isEmpty()
        ? Collections.<String>emptyIterator() : Arrays.asList(s.split(" ")).iterator());
    assertThat(words.partitioner()).contains(new HashPartitioner(2));
    assertThat(words.collect()).containsExactlyInAnyOrder(new Tuple2<>("x", "p"), new Tuple2<>("x", "q"),
        new Tuple2<>("z", "r"));
  }

  @Test
  void countByKeyCountsNullKeysToo() {
    PairRDD<String, Integer> withNulls = PairRDD.fromRDD(sc.parallelize(Arrays.asList(new Tuple2<>("a", 1),
        new Tuple2<>(null, 2), new Tuple2<>("a", 3), new Tuple2<>(null, 4), new Tuple2<>(null, 5)), 2));
    Map<String, Long> expected = new HashMap<>();
    expected.put("a", 2L);
    expected.put(null, 3L);
    assertThat(withNulls.countByKey()).isEqualTo(expected);
    assertThat(withNulls.reduceByKey(Integer::sum).lookup(null)).containsExactly(11);
    assertThat(pairs.countByKey()).isEqualTo(Map.of("a", 3L, "b", 2L, "c", 1L));
  }

  @Test
  void reduceByKeyLocallyReturnsAMap() {
    assertThat(pairs.reduceByKeyLocally(Integer::sum)).isEqualTo(Map.of("a", 9, "b", 6, "c", 6));
    assertThat(PairRDD.<String, Integer>fromRDD(sc.parallelize(List.of(), 2)).reduceByKeyLocally(Integer::sum))
        .isEmpty();
  }

  @Test
  void lookupComputesOnlyTheKeysPartitionWhenThePartitionerIsKnown() {
    LongAccumulator computed = sc.longAccumulator("partitions computed");
    PairRDD<String, Integer> partitioned = pairs.partitionBy(new HashPartitioner(4));
    PairRDD<String, Integer> counted = PairRDD.fromRDD(partitioned.rdd().mapPartitions(it -> {
      computed.add(1);
      return it;
    }, true));
    assertThat(counted.lookup("a")).containsExactlyInAnyOrder(1, 3, 5);
    assertThat(computed.value()).isEqualTo(1);
    assertThat(counted.lookup("missing")).isEmpty();
    assertThat(computed.value()).isEqualTo(2);

    LongAccumulator scanned = sc.longAccumulator("partitions scanned");
    PairRDD<String, Integer> unpartitioned = PairRDD.fromRDD(pairs.rdd().mapPartitions(it -> {
      scanned.add(1);
      return it;
    }));
    assertThat(unpartitioned.lookup("b")).containsExactly(2, 4);
    assertThat(scanned.value()).isEqualTo(3);
  }
}
