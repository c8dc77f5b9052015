package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Dependency;
import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.HashPartitioner;
import dev.ember.ShuffleDependency;
import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.api.java.Optional;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoGroupJoinTest {

  private EmberContext sc;
  private PairRDD<Integer, String> left;
  private PairRDD<Integer, String> right;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("CoGroupJoinTest"));
    left = pairs(List.of(new Tuple2<>(1, "a"), new Tuple2<>(2, "b"), new Tuple2<>(2, "c"), new Tuple2<>(3, "d")), 2);
    right = pairs(List.of(new Tuple2<>(2, "x"), new Tuple2<>(3, "y"), new Tuple2<>(3, "z"), new Tuple2<>(4, "w")), 3);
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private <K, V> PairRDD<K, V> pairs(List<Tuple2<K, V>> data, int slices) {
    return PairRDD.fromRDD(sc.parallelize(data, slices));
  }

  /** Sorts by the pairs' text, since the order of records after a shuffle is not defined. */
  private static <T> List<String> sorted(List<T> records) {
    List<String> texts = new ArrayList<>();
    records.forEach(r -> texts.add(String.valueOf(r)));
    Collections.sort(texts);
    return texts;
  }

  @Test
  void innerJoinPairsEveryMatchingValue() {
    PairRDD<Integer, Tuple2<String, String>> joined = left.join(right);
    assertThat(sorted(joined.collect())).containsExactly("(2,(b,x))", "(2,(c,x))", "(3,(d,y))", "(3,(d,z))");
    assertThat(joined.getNumPartitions()).isEqualTo(3);
    assertThat(left.join(right, 5).partitioner()).contains(new HashPartitioner(5));
    assertThat(left.join(right, new HashPartitioner(1)).count()).isEqualTo(4);
  }

  @Test
  void leftOuterJoinKeepsUnmatchedLeftKeys() {
    List<Tuple2<Integer, Tuple2<String, Optional<String>>>> joined = left.leftOuterJoin(right).collect();
    assertThat(sorted(joined)).containsExactly("(1,(a,Optional.empty))", "(2,(b,Optional[x]))",
        "(2,(c,Optional[x]))", "(3,(d,Optional[y]))", "(3,(d,Optional[z]))");
    assertThat(joined).contains(new Tuple2<>(1, new Tuple2<>("a", Optional.empty())));
  }

  @Test
  void rightOuterJoinKeepsUnmatchedRightKeys() {
    assertThat(sorted(left.rightOuterJoin(right, 2).collect())).containsExactly("(2,(Optional[b],x))",
        "(2,(Optional[c],x))", "(3,(Optional[d],y))", "(3,(Optional[d],z))", "(4,(Optional.empty,w))");
  }

  @Test
  void fullOuterJoinKeepsUnmatchedKeysOfBothSides() {
    assertThat(sorted(left.fullOuterJoin(right, new HashPartitioner(2)).collect())).containsExactly(
        "(1,(Optional[a],Optional.empty))", "(2,(Optional[b],Optional[x]))", "(2,(Optional[c],Optional[x]))",
        "(3,(Optional[d],Optional[y]))", "(3,(Optional[d],Optional[z]))", "(4,(Optional.empty,Optional[w]))");
  }

  @Test
  void cogroupGivesEachSidesValuesPerKey() {
    Map<Integer, String> groups = new TreeMap<>();
    for (Tuple2<Integer, Tuple2<Iterable<String>, Iterable<String>>> pair : left.cogroup(right).collect()) {
      groups.put(pair._1(), sorted(list(pair._2()._1())) + "|" + sorted(list(pair._2()._2())));
    }
    assertThat(groups).containsExactly(Map.entry(1, "[a]|[]"), Map.entry(2, "[b, c]|[x]"),
        Map.entry(3, "[d]|[y, z]"), Map.entry(4, "[]|[w]"));
  }

  @Test
  void threeWayCogroup() {
    PairRDD<Integer, Long> third = pairs(List.of(new Tuple2<>(4, 40L), new Tuple2<>(5, 50L)), 1);
    Map<Integer, String> groups = new TreeMap<>();
    for (Tuple2<Integer, Tuple3<Iterable<String>, Iterable<String>, Iterable<Long>>> pair
        : left.cogroup(right, third, 4).collect()) {
      Tuple3<Iterable<String>, Iterable<String>, Iterable<Long>> g = pair._2();
      groups.put(pair._1(), sorted(list(g._1())) + "|" + sorted(list(g._2())) + "|" + sorted(list(g._3())));
    }
    assertThat(groups).containsExactly(Map.entry(1, "[a]|[]|[]"), Map.entry(2, "[b, c]|[x]|[]"),
        Map.entry(3, "[d]|[y, z]|[]"), Map.entry(4, "[]|[w]|[40]"), Map.entry(5, "[]|[]|[50]"));
    assertThat(left.groupWith(right, third).count()).isEqualTo(5);
  }

  @Test
  void nullKeysJoinLikeAnyOtherKey() {
    PairRDD<String, Integer> a = pairs(Arrays.asList(new Tuple2<>(null, 1), new Tuple2<>("k", 2)), 2);
    PairRDD<String, Integer> b = pairs(Arrays.asList(new Tuple2<>(null, 10), new Tuple2<>(null, 20)), 2);
    assertThat(sorted(a.join(b).collect())).containsExactly("(null,(1,10))", "(null,(1,20))");
    assertThat(a.subtractByKey(b).collect()).containsExactly(new Tuple2<>("k", 2));
  }

  @Test
  void subtractByKeyDropsKeysPresentInTheOther() {
    assertThat(left.subtractByKey(right).collect()).containsExactly(new Tuple2<>(1, "a"));
    assertThat(sorted(right.subtractByKey(left, 2).collect())).containsExactly("(4,w)");
    PairRDD<Integer, String> none = pairs(List.of(), 2);
    assertThat(left.subtractByKey(none).count()).isEqualTo(4);
    assertThat(none.subtractByKey(left).count()).isZero();
  }

  @Test
  void emptyInputs() {
    PairRDD<Integer, String> empty = pairs(List.of(), 2);
    assertThat(left.join(empty).collect()).isEmpty();
    assertThat(empty.join(left).collect()).isEmpty();
    assertThat(sorted(left.leftOuterJoin(empty).collect())).containsExactly("(1,(a,Optional.empty))",
        "(2,(b,Optional.empty))", "(2,(c,Optional.empty))", "(3,(d,Optional.empty))");
    assertThat(empty.cogroup(empty).collect()).isEmpty();
  }

  @Test
  void joiningCoPartitionedInputsShufflesNeitherAgain() {
    HashPartitioner byThree = new HashPartitioner(3);
    PairRDD<Integer, String> a = left.partitionBy(byThree);
    PairRDD<Integer, String> b = right.reduceByKey((x, y) -> x.compareTo(y) < 0 ? x + y : y + x, 3);
    PairRDD<Integer, Tuple2<String, String>> joined = a.join(b);
    assertThat(joined.partitioner()).contains(byThree);
    // Only partitionBy and reduceByKey shuffle; the join reads both in place.
    assertThat(shuffleDependencies(joined.rdd())).hasSize(2);
    assertThat(sorted(joined.collect())).containsExactly("(2,(b,x))", "(2,(c,x))", "(3,(d,yz))");
    // One side co-partitioned: only the other one is shuffled for the join.
    assertThat(shuffleDependencies(a.join(right).rdd())).hasSize(2);
    // Neither partitioned: both are shuffled.
    assertThat(shuffleDependencies(left.join(right).rdd())).hasSize(2);
    assertThat(shuffleDependencies(left.join(right).join(right).rdd())).hasSize(3);
  }

  @Test
  void coPartitionedJoinRunsNoExtraStages() throws InterruptedException {
    AtomicInteger submitted = new AtomicInteger();
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onStageSubmitted(EmberListenerEvent.StageSubmitted event) {
        submitted.incrementAndGet();
      }
    });
    PairRDD<Integer, String> a = left.partitionBy(new HashPartitioner(3));
    PairRDD<Integer, String> upper = a.mapValues(String::toUpperCase);
    assertThat(sorted(a.join(upper).collect())).containsExactly("(1,(a,A))", "(2,(b,B))", "(2,(b,C))",
        "(2,(c,B))", "(2,(c,C))", "(3,(d,D))");
    assertThat(sc.listenerBus().waitUntilEmpty(5_000)).isTrue();
    // The partitionBy map stage and the result stage; the join itself shuffles nothing.
    assertThat(submitted.get()).isEqualTo(2);

    submitted.set(0);
    PairRDD<Integer, String> b = left.partitionBy(new HashPartitioner(3));
    assertThat(b.join(b.mapValues(String::toUpperCase), new HashPartitioner(2)).count()).isEqualTo(6);
    assertThat(sc.listenerBus().waitUntilEmpty(5_000)).isTrue();
    // Another partitioner: partitionBy, then both sides shuffled again, then the result stage.
    assertThat(submitted.get()).isEqualTo(4);
  }

  @Test
  void defaultPartitionerPrefersAnExistingOne() {
    PairRDD<Integer, String> partitioned = left.partitionBy(new HashPartitioner(4));
    assertThat(right.join(partitioned).partitioner()).contains(new HashPartitioner(4));
    assertThat(left.join(right).partitioner()).contains(new HashPartitioner(3));
  }

  @Test
  void lostShuffleOutputOfAJoinInputIsRecomputed(@TempDir Path localDir) throws IOException {
    sc.stop();
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("CoGroupJoinTest")
        .set("ember.local.dir", localDir.toString()));
    PairRDD<Integer, String> a = pairs(List.of(new Tuple2<>(1, "a"), new Tuple2<>(2, "b")), 2);
    PairRDD<Integer, String> b = pairs(List.of(new Tuple2<>(2, "x"), new Tuple2<>(3, "y")), 2);
    PairRDD<Integer, Tuple2<String, Optional<String>>> joined = a.leftOuterJoin(b);
    List<String> expected = List.of("(1,(a,Optional.empty))", "(2,(b,Optional[x]))");
    assertThat(sorted(joined.collect())).isEqualTo(expected);
    try (Stream<Path> files = Files.walk(localDir)) {
      List<Path> data = files.filter(f -> f.getFileName().toString().endsWith(".data")).toList();
      assertThat(data).isNotEmpty();
      for (Path file : data) {
        Files.delete(file);
      }
    }
    // The reduce tasks fail to fetch, and the scheduler re-runs the map stages that wrote the lost files.
    assertThat(sorted(joined.collect())).isEqualTo(expected);
  }

  private static <T> List<T> list(Iterable<T> values) {
    List<T> out = new ArrayList<>();
    values.forEach(out::add);
    return out;
  }

  /** The distinct shuffle dependencies in the lineage of {@code rdd}. */
  private static Set<ShuffleDependency<?, ?, ?>> shuffleDependencies(RDD<?> rdd) {
    Set<ShuffleDependency<?, ?, ?>> found = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<RDD<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<RDD<?>> toVisit = new ArrayDeque<>(List.of(rdd));
    while (!toVisit.isEmpty()) {
      RDD<?> current = toVisit.pop();
      if (visited.add(current)) {
        for (Dependency<?> dependency : current.dependencies()) {
          if (dependency instanceof ShuffleDependency<?, ?, ?> shuffle) {
            found.add(shuffle);
          }
          toVisit.push(dependency.rdd());
        }
      }
    }
    return found;
  }
}
