package dev.ember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RangePartitionerTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("RangePartitionerTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private RDD<Tuple2<Integer, Integer>> keys(List<Integer> keys, int slices) {
    return sc.parallelize(keys, slices).mapToPair(k -> new Tuple2<>(k, k)).rdd();
  }

  private static List<Integer> oneTo(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void smallInputIsSampledWhollySoBoundsAreExactQuartiles() {
    // 100 keys over 2 slices: each slice's reservoir (ceil(3 * 80 / 2) = 120 keys) holds every key with weight
    // 1, so the bounds fall where the cumulated weight reaches 25, 50 and 75.
    List<Integer> shuffled = new ArrayList<>(oneTo(100));
    Collections.shuffle(shuffled, new java.util.Random(7));
    RangePartitioner<Integer> partitioner = new RangePartitioner<>(4, keys(shuffled, 2));
    assertThat(partitioner.rangeBounds()).containsExactly(25, 50, 75);
    assertThat(partitioner.numPartitions()).isEqualTo(4);
    assertThat(partitioner.getPartition(1)).isZero();
    assertThat(partitioner.getPartition(25)).isZero();
    assertThat(partitioner.getPartition(26)).isEqualTo(1);
    assertThat(partitioner.getPartition(75)).isEqualTo(2);
    assertThat(partitioner.getPartition(100)).isEqualTo(3);
    assertThat(partitioner.getPartition(1000)).isEqualTo(3);
    assertThat(partitioner.getPartition(-5)).isZero();
  }

  @Test
  void descendingPartitionerPutsLargestKeysFirst() {
    RangePartitioner<Integer> partitioner = new RangePartitioner<>(4, keys(oneTo(100), 2), false);
    assertThat(partitioner.rangeBounds()).containsExactly(25, 50, 75);
    assertThat(partitioner.getPartition(100)).isZero();
    assertThat(partitioner.getPartition(60)).isEqualTo(1);
    assertThat(partitioner.getPartition(30)).isEqualTo(2);
    assertThat(partitioner.getPartition(1)).isEqualTo(3);
  }

  @Test
  void boundsFollowCumulatedWeights() {
    List<RangeBoundsSampler.Candidate<String>> candidates = List.of(
        new RangeBoundsSampler.Candidate<>("d", 1.0), new RangeBoundsSampler.Candidate<>("a", 1.0),
        new RangeBoundsSampler.Candidate<>("c", 3.0), new RangeBoundsSampler.Candidate<>("b", 1.0));
    // Sorted a(1) b(2) c(5) d(6); total 6 over 2 partitions steps at 3: c is the first to reach it.
    assertThat(RangeBoundsSampler.determineBounds(candidates, 2, Comparator.<String>naturalOrder()))
        .containsExactly("c");
    // Over 3 partitions the steps are 2 and 4: b reaches 2, c reaches 4.
    assertThat(RangeBoundsSampler.determineBounds(candidates, 3, Comparator.<String>naturalOrder()))
        .containsExactly("b", "c");
  }

  @Test
  void fewDistinctKeysGiveFewerPartitions() {
    RangePartitioner<Integer> partitioner =
        new RangePartitioner<>(4, keys(Collections.nCopies(50, 7), 3));
    assertThat(partitioner.rangeBounds()).containsExactly(7);
    assertThat(partitioner.numPartitions()).isEqualTo(2);
    assertThat(partitioner.getPartition(7)).isZero();
    assertThat(partitioner.getPartition(8)).isEqualTo(1);
  }

  @Test
  void emptyInputGivesOnePartition() {
    RangePartitioner<Integer> partitioner = new RangePartitioner<>(4, keys(List.of(), 2));
    assertThat(partitioner.numPartitions()).isEqualTo(1);
    assertThat(partitioner.getPartition(42)).isZero();
  }

  @Test
  void skewedPartitionIsSampledAgainSoTheBoundSplitsItsKeys() {
    // Slices of 1, 1, 1 and 1000 keys: the last holds far more than its reservoir of ceil(3 * 40 / 4) = 30
    // can represent, so it is sampled again at 40 / 1003 and its keys weigh 1003 / 40 each.
    List<Integer> data = new ArrayList<>(List.of(-3, -2, -1));
    data.addAll(oneTo(1000));
    RDD<Tuple2<Integer, Integer>> skewed = sc.parallelize(List.of(0, 1, 2, 3), 4)
        .flatMap(slice -> (slice < 3 ? List.of(data.get(slice)) : data.subList(3, data.size())).iterator())
        .mapToPair(k -> new Tuple2<>(k, k)).rdd();
    RangePartitioner<Integer> partitioner = new RangePartitioner<>(2, skewed);
    assertThat(partitioner.rangeBounds()).hasSize(1);
    assertThat(partitioner.rangeBounds().get(0)).isBetween(300, 700);
  }

  @Test
  void equalWhenBoundsAndDirectionAreEqual() {
    RDD<Tuple2<Integer, Integer>> input = keys(oneTo(100), 2);
    RangePartitioner<Integer> a = new RangePartitioner<>(4, input);
    RangePartitioner<Integer> b = new RangePartitioner<>(4, input);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new RangePartitioner<>(4, input, false));
    assertThat(a).isNotEqualTo(new RangePartitioner<>(2, input));
    assertThat(a).isNotEqualTo(new HashPartitioner(4));
  }

  @Test
  void comparatorDecidesTheOrder() {
    RangePartitioner<Integer> partitioner =
        new RangePartitioner<>(4, keys(oneTo(100), 2), true, Comparator.reverseOrder());
    assertThat(partitioner.rangeBounds()).containsExactly(76, 51, 26);
    assertThat(partitioner.getPartition(100)).isZero();
    assertThat(partitioner.getPartition(1)).isEqualTo(3);
  }

  @Test
  void partitionByARangePartitionerGivesContiguousRanges() {
    RDD<Tuple2<Integer, Integer>> input = keys(oneTo(100), 3);
    RangePartitioner<Integer> byRange = new RangePartitioner<>(4, input);
    List<int[]> ranges = dev.ember.rdd.PairRDD.fromRDD(input).partitionBy(byRange).keys().mapPartitions(it -> {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      while (it.hasNext()) {
        int key = it.next();
        min = Math.min(min, key);
        max = Math.max(max, key);
      }
      return List.of(new int[] {min, max}).iterator();
    }).collect();
    assertThat(ranges).extracting(r -> r[0] + "-" + r[1]).containsExactly("1-25", "26-50", "51-75", "76-100");
  }

  @Test
  void keysWithoutNaturalOrderingNeedAComparator() {
    RDD<Tuple2<Point, Integer>> points = sc.parallelize(List.of(1, 2, 3), 1)
        .mapToPair(i -> new Tuple2<>(new Point(i), i)).rdd();
    assertThatThrownBy(() -> new RangePartitioner<>(2, points))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("KEY_NOT_COMPARABLE")
        .hasMessageContaining(Point.class.getName());
  }

  /** A serializable key with no natural ordering. */
  record Point(int x) implements java.io.Serializable {}

  @Test
  void comparatorMustBeSerializable() {
    Comparator<Integer> local = (a, b) -> Integer.compare(a, b);
    assertThatThrownBy(() -> new RangePartitioner<>(2, keys(oneTo(10), 1), true, local))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("COMPARATOR_NOT_SERIALIZABLE");
  }
}
