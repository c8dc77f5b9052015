package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.HashPartitioner;
import dev.ember.NarrowDependency;
import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RDDTransformationsTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("RDDTransformationsTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private static List<Integer> sorted(List<Integer> values) {
    List<Integer> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  private RDD<Integer> range(int from, int to, int partitions) {
    return sc.parallelize(IntStream.range(from, to).boxed().toList(), partitions);
  }

  @Test
  void distinctRemovesDuplicates() {
    RDD<Integer> rdd = sc.parallelize(List.of(3, 1, 3, 2, 1, 3), 3);
    assertThat(sorted(rdd.distinct().collect())).containsExactly(1, 2, 3);
    assertThat(rdd.distinct(5).getNumPartitions()).isEqualTo(5);
    assertThat(sorted(rdd.distinct(5).collect())).containsExactly(1, 2, 3);
  }

  @Test
  void sampleIsDeterministicForASeedAndRoughlyTheFraction() {
    RDD<Integer> rdd = range(0, 1000, 4);
    List<Integer> first = rdd.sample(false, 0.1, 7).collect();
    assertThat(rdd.sample(false, 0.1, 7).collect()).isEqualTo(first);
    assertThat(rdd.sample(false, 0.1, 8).collect()).isNotEqualTo(first);
    assertThat(first.size()).isBetween(60, 140);
    assertThat(new HashSet<>(first)).hasSize(first.size());
    assertThat(rdd.sample(false, 0.0, 1).count()).isZero();
    assertThat(rdd.sample(false, 1.0, 1).count()).isEqualTo(1000);
    List<Integer> withReplacement = rdd.sample(true, 2.0, 3).collect();
    assertThat(withReplacement.size()).isBetween(1800, 2200);
    assertThat(rdd.sample(true, 2.0, 3).collect()).isEqualTo(withReplacement);
    assertThatThrownBy(() -> rdd.sample(false, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomSplitIsDisjointCoveringAndDeterministic() {
    RDD<Integer> rdd = range(0, 600, 3);
    RDD<Integer>[] splits = rdd.randomSplit(new double[] {1, 2, 3}, 11);
    List<Integer> all = new ArrayList<>();
    for (RDD<Integer> split : splits) {
      all.addAll(split.collect());
    }
    assertThat(sorted(all)).isEqualTo(IntStream.range(0, 600).boxed().toList());
    assertThat(splits[0].count()).isBetween(60L, 140L);     // expected 100
    assertThat(splits[2].count()).isBetween(240L, 360L);    // expected 300
    assertThat(rdd.randomSplit(new double[] {1, 2, 3}, 11)[1].collect()).isEqualTo(splits[1].collect());
  }

  @Test
  void unionIntersectionAndSubtract() {
    RDD<Integer> a = sc.parallelize(List.of(1, 2, 2, 3, 4), 2);
    RDD<Integer> b = sc.parallelize(List.of(2, 4, 4, 6), 3);
    RDD<Integer> union = a.union(b);
    assertThat(union.getNumPartitions()).isEqualTo(5);
    assertThat(union.collect()).containsExactly(1, 2, 2, 3, 4, 2, 4, 4, 6);
    assertThat(sorted(a.intersection(b).collect())).containsExactly(2, 4);
    assertThat(a.intersection(b).getNumPartitions()).isEqualTo(3);
    assertThat(sorted(a.subtract(b).collect())).containsExactly(1, 3);
    assertThat(sorted(b.subtract(sc.parallelize(List.of(2), 1), 4).collect())).containsExactly(4, 4, 6);
  }

  @Test
  void unionOfSamePartitionerKeepsIt() {
    HashPartitioner partitioner = new HashPartitioner(2);
    PairRDD<Integer, String> a = sc.parallelize(List.of(new Tuple2<>(1, "a"), new Tuple2<>(2, "b")), 2)
        .mapToPair(t -> t).partitionBy(partitioner);
    PairRDD<Integer, String> b = sc.parallelize(List.of(new Tuple2<>(3, "c"), new Tuple2<>(4, "d")), 1)
        .mapToPair(t -> t).partitionBy(partitioner);
    RDD<Tuple2<Integer, String>> union = a.rdd().union(b.rdd());
    assertThat(union.partitioner()).contains(partitioner);
    assertThat(union.getNumPartitions()).isEqualTo(2);
    // partition 0 holds the even keys of both parents, partition 1 the odd ones
    assertThat(union.glom().collect()).containsExactly(
        List.of(new Tuple2<>(2, "b"), new Tuple2<>(4, "d")),
        List.of(new Tuple2<>(1, "a"), new Tuple2<>(3, "c")));
  }

  @Test
  void cartesianPairsEveryElement() {
    RDD<Integer> a = sc.parallelize(List.of(1, 2), 2);
    RDD<String> b = sc.parallelize(List.of("x", "y", "z"), 2);
    PairRDD<Integer, String> product = a.cartesian(b);
    assertThat(product.getNumPartitions()).isEqualTo(4);
    assertThat(product.collect()).containsExactly(
        new Tuple2<>(1, "x"), new Tuple2<>(1, "y"), new Tuple2<>(1, "z"),
        new Tuple2<>(2, "x"), new Tuple2<>(2, "y"), new Tuple2<>(2, "z"));
  }

  @Test
  void zipAndItsMismatchErrors() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4), 2);
    RDD<String> letters = sc.parallelize(List.of("a", "b", "c", "d"), 2);
    assertThat(numbers.zip(letters).collect()).containsExactly(
        new Tuple2<>(1, "a"), new Tuple2<>(2, "b"), new Tuple2<>(3, "c"), new Tuple2<>(4, "d"));
    assertThatThrownBy(() -> numbers.zip(sc.parallelize(List.of("a", "b", "c", "d"), 3)))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("ZIP_PARTITION_COUNT_MISMATCH")
        .hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> numbers.zip(sc.parallelize(List.of("a", "b", "c"), 2)).collect())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("Can only zip RDDs with same number of elements in each partition");
  }

  @Test
  void zipPartitionsCombinesPartitionIterators() {
    RDD<Integer> a = sc.parallelize(List.of(1, 2, 3, 4), 2);
    RDD<Integer> b = sc.parallelize(List.of(10, 20, 30), 2);
    RDD<String> sizes = a.zipPartitions(b, (Iterator<Integer> x, Iterator<Integer> y) -> {
      int n = 0;
      int m = 0;
      for (; x.hasNext(); x.next()) {
        n++;
      }
      for (; y.hasNext(); y.next()) {
        m++;
      }
      return List.of(n + "+" + m).iterator();
    });
    assertThat(sizes.collect()).containsExactly("2+1", "2+2");
  }

  @Test
  void zipWithIndexAndUniqueId() {
    RDD<String> rdd = sc.parallelize(List.of("a", "b", "c", "d", "e"), 3);   // [a], [b, c], [d, e]
    assertThat(rdd.zipWithIndex().collect()).containsExactly(new Tuple2<>("a", 0L), new Tuple2<>("b", 1L),
        new Tuple2<>("c", 2L), new Tuple2<>("d", 3L), new Tuple2<>("e", 4L));
    // element i of partition k gets i * 3 + k
    assertThat(rdd.zipWithUniqueId().collect()).containsExactly(new Tuple2<>("a", 0L), new Tuple2<>("b", 1L),
        new Tuple2<>("c", 4L), new Tuple2<>("d", 2L), new Tuple2<>("e", 5L));
  }

  @Test
  void glomCoalesceAndRepartition() {
    RDD<Integer> rdd = range(0, 10, 5);   // [0, 1], [2, 3], [4, 5], [6, 7], [8, 9]
    assertThat(rdd.glom().collect()).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4, 5), List.of(6, 7),
        List.of(8, 9));
    RDD<Integer> coalesced = rdd.coalesce(2);   // parents [0, 1] and [2, 3, 4]
    assertThat(coalesced.glom().collect()).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7, 8, 9));
    assertThat(coalesced.dependencies()).singleElement().isInstanceOf(NarrowDependency.class);
    assertThat(rdd.coalesce(8).getNumPartitions()).isEqualTo(5);
    RDD<Integer> more = rdd.repartition(8);
    assertThat(more.getNumPartitions()).isEqualTo(8);
    assertThat(sorted(more.collect())).isEqualTo(IntStream.range(0, 10).boxed().toList());
    List<List<Integer>> spread = range(0, 100, 1).repartition(4).glom().collect();
    assertThat(spread).allSatisfy(part -> assertThat(part).hasSize(25));
  }

  @Test
  void typedMappings() {
    RDD<String> rdd = sc.parallelize(List.of("a b", "c"), 2);
    assertThat(rdd.flatMapToPair(s -> Arrays.stream(s.split(" ")).map(w -> new Tuple2<>(w, w.length())).iterator())
        .collect()).containsExactly(new Tuple2<>("a", 1), new Tuple2<>("b", 1), new Tuple2<>("c", 1));
    assertThat(rdd.mapToDouble(String::length).sum()).isEqualTo(4.0);
    assertThat(rdd.flatMapToDouble(s -> List.of(1.5, 2.5).iterator()).collect()).containsExactly(1.5, 2.5, 1.5, 2.5);
  }

  @Test
  void toDebugStringShowsLineageAndShuffleBoundaries() {
    RDD<Integer> source = sc.parallelize(List.of(1, 2, 3), 2);
    RDD<Tuple2<Integer, Integer>> pairs = source.mapToPair(x -> new Tuple2<>(x, 1)).rdd();
    RDD<Tuple2<Integer, Integer>> reduced = new PairRDD<>(pairs).reduceByKey(Integer::sum, 3).rdd();
    reduced.cache();
    String expected = String.join("\n",
        "(3) ShuffledRDD[" + reduced.id() + "] at " + reduced.creationSite() + " [Memory Deserialized 1x Replicated]",
        " +-(2) MapPartitionsRDD[" + pairs.id() + "] at " + pairs.creationSite() + " []",
        "    |  ParallelCollectionRDD[" + source.id() + "] at " + source.creationSite() + " []");
    assertThat(reduced.toDebugString()).isEqualTo(expected);
    RDD<Integer> union = source.union(source.map(x -> x).setName("copy"));
    String copySite = "map at RDDTransformationsTest.java:" + (new Throwable().getStackTrace()[0].getLineNumber() - 1);
    assertThat(union.toDebugString()).isEqualTo(String.join("\n",
        "(4) UnionRDD[" + union.id() + "] at " + union.creationSite() + " []",
        " |  ParallelCollectionRDD[" + source.id() + "] at " + source.creationSite() + " []",
        " |  copy MapPartitionsRDD[" + (union.id() - 1) + "] at " + copySite + " []",
        " |  ParallelCollectionRDD[" + source.id() + "] at " + source.creationSite() + " []"));
  }
}
