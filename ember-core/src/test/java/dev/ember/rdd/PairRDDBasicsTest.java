package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.storage.StorageLevel;
import dev.ember.util.LongAccumulator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairRDDBasicsTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("PairRDDBasicsTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private PairRDD<Integer, String> numbered(int n, int slices) {
    return sc.parallelize(IntStream.rangeClosed(1, n).boxed().toList(), slices)
        .mapToPair(i -> new Tuple2<>(i, "v" + i));
  }

  @Test
  void filterKeepsMatchingPairsAndPartitioning() {
    PairRDD<Integer, String> partitioned = numbered(10, 3).partitionBy(new HashPartitioner(2));
    PairRDD<Integer, String> evens = partitioned.filter(pair -> pair._1() % 2 == 0);
    assertThat(evens.partitioner()).contains(new HashPartitioner(2));
    assertThat(evens.keys().collect()).containsExactlyInAnyOrder(2, 4, 6, 8, 10);
  }

  @Test
  void distinctRemovesRepeatedPairsOnly() {
    PairRDD<String, Integer> pairs = PairRDD.fromRDD(sc.parallelize(List.of(new Tuple2<>("a", 1),
        new Tuple2<>("a", 1), new Tuple2<>("a", 2), new Tuple2<>("b", 1), new Tuple2<>("b", 1)), 2));
    assertThat(pairs.distinct().collect()).containsExactlyInAnyOrder(new Tuple2<>("a", 1), new Tuple2<>("a", 2),
        new Tuple2<>("b", 1));
    assertThat(pairs.distinct(5).getNumPartitions()).isEqualTo(5);
  }

  @Test
  void unionConcatenatesPartitionsOrKeepsACommonPartitioner() {
    PairRDD<Integer, String> a = numbered(3, 2);
    PairRDD<Integer, String> b = numbered(2, 3);
    PairRDD<Integer, String> plain = a.union(b);
    assertThat(plain.getNumPartitions()).isEqualTo(5);
    assertThat(plain.partitioner()).isEmpty();
    assertThat(plain.keys().collect()).containsExactly(1, 2, 3, 1, 2);

    HashPartitioner byTwo = new HashPartitioner(2);
    PairRDD<Integer, String> aware = a.partitionBy(byTwo).union(b.partitionBy(byTwo));
    assertThat(aware.getNumPartitions()).isEqualTo(2);
    assertThat(aware.partitioner()).contains(byTwo);
    assertThat(aware.keys().collect()).containsExactlyInAnyOrder(1, 2, 3, 1, 2);
    assertThat(aware.reduceByKey((x, y) -> x + y).collectAsMap()).containsOnlyKeys(1, 2, 3);
  }

  @Test
  void takeAndFirstReadOnlyWhatTheyNeed() {
    LongAccumulator computed = sc.longAccumulator("partitions computed");
    PairRDD<Integer, String> pairs = PairRDD.fromRDD(numbered(20, 10).rdd().mapPartitions(it -> {
      computed.add(1);
      return it;
    }));
    assertThat(pairs.first()).isEqualTo(new Tuple2<>(1, "v1"));
    assertThat(computed.value()).isEqualTo(1);
    assertThat(pairs.take(5)).extracting(Tuple2::_1).containsExactly(1, 2, 3, 4, 5);
    assertThat(pairs.take(0)).isEmpty();
    assertThat(pairs.take(100)).hasSize(20);
    assertThat(numbered(0, 3).take(2)).isEmpty();
    assertThatThrownBy(() -> numbered(0, 3).first())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("empty collection");
  }

  @Test
  void countForeachAndNumPartitions() {
    PairRDD<Integer, String> pairs = numbered(7, 3);
    LongAccumulator sum = sc.longAccumulator();
    pairs.foreach(pair -> sum.add(pair._1()));
    assertThat(sum.value()).isEqualTo(28);
    assertThat(pairs.count()).isEqualTo(7);
    assertThat(pairs.getNumPartitions()).isEqualTo(3);
  }

  @Test
  void namingAndPersistenceAreThoseOfTheUnderlyingRdd() {
    PairRDD<Integer, String> pairs = numbered(4, 2).setName("numbers");
    assertThat(pairs.name()).isEqualTo("numbers");
    assertThat(pairs.rdd().name()).isEqualTo("numbers");
    assertThat(pairs.persist(StorageLevel.MEMORY_ONLY).getStorageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY);
    assertThat(pairs.count()).isEqualTo(4);
    assertThat(sc.getPersistentRDDs()).containsKey(pairs.rdd().id());
    assertThat(pairs.unpersist().getStorageLevel()).isEqualTo(StorageLevel.NONE);
  }
}
