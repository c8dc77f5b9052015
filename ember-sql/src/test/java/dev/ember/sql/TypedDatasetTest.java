package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import dev.ember.Tuple2;
import dev.ember.api.function.FilterFunction;
import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.FlatMapGroupsFunction;
import dev.ember.api.function.ForeachFunction;
import dev.ember.api.function.ForeachPartitionFunction;
import dev.ember.api.function.MapFunction;
import dev.ember.api.function.MapGroupsFunction;
import dev.ember.api.function.MapPartitionsFunction;
import dev.ember.api.function.ReduceFunction;
import dev.ember.util.LongAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TypedDatasetTest {

  private static EmberSession session;
  private static Dataset<Integer> numbers;
  private static Dataset<String> words;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("TypedDatasetTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    numbers = session.createDataset(List.of(1, 2, 3, 4, 5, 6), Encoders.INT());
    words = session.createDataset(List.of("a", "bb", "cc", "d", "eee", "bb"), Encoders.STRING());
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void mapFilterAndFlatMap() {
    assertThat(numbers.map((MapFunction<Integer, Integer>) x -> x * 10, Encoders.INT()).collectAsList())
        .containsExactly(10, 20, 30, 40, 50, 60);
    assertThat(numbers.filter((FilterFunction<Integer>) x -> x % 2 == 0).collectAsList()).containsExactly(2, 4, 6);
    Dataset<String> lines = session.createDataset(List.of("to be", "or not", ""), Encoders.STRING());
    assertThat(lines.flatMap((FlatMapFunction<String, String>) s -> Arrays.stream(s.split(" "))
        .filter(w -> !w.isEmpty()).iterator(), Encoders.STRING()).collectAsList())
        .containsExactly("to", "be", "or", "not");
  }

  @Test
  void mapToAnotherTypeAndBackToColumns() {
    Dataset<Tuple2<String, Integer>> lengths = words.map(
        (MapFunction<String, Tuple2<String, Integer>>) w -> new Tuple2<>(w, w.length()),
        Encoders.tuple(Encoders.STRING(), Encoders.INT()));
    assertThat(lengths.columns()).containsExactly("_1", "_2");
    // Untyped operations on a typed Dataset: filter and orderBy keep the type, select gives rows.
    List<Tuple2<String, Integer>> longOnes = lengths.filter(col("_2").geq(2)).orderBy(col("_1")).collectAsList();
    assertThat(longOnes).containsExactly(new Tuple2<>("bb", 2), new Tuple2<>("bb", 2), new Tuple2<>("cc", 2),
        new Tuple2<>("eee", 3));
    assertThat(lengths.select(col("_2").plus(1)).distinct().orderBy(col("(_2 + 1)")).collectAsList())
        .containsExactly(RowFactory.create(2), RowFactory.create(3), RowFactory.create(4));
  }

  @Test
  void mapPartitionsSeesWholePartitions() {
    List<Integer> sums = numbers.mapPartitions((MapPartitionsFunction<Integer, Integer>) it -> {
      int sum = 0;
      while (it.hasNext()) {
        sum += it.next();
      }
      return List.of(sum).iterator();
    }, Encoders.INT()).collectAsList();
    // Six local rows in two slices: [1, 2, 3] and [4, 5, 6].
    assertThat(sums).containsExactly(6, 15);
  }

  @Test
  void reduceTakeFirstAndCount() {
    assertThat(numbers.reduce((ReduceFunction<Integer>) Integer::sum)).isEqualTo(21);
    assertThat(numbers.take(2)).containsExactly(1, 2);
    assertThat(numbers.first()).isEqualTo(1);
    assertThat(numbers.count()).isEqualTo(6L);
    Dataset<Integer> none = numbers.filter((FilterFunction<Integer>) x -> x > 100);
    assertThatThrownBy(() -> none.reduce((ReduceFunction<Integer>) Integer::sum))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("empty collection");
  }

  @Test
  void foreachRunsOnExecutors() {
    LongAccumulator sum = session.emberContext().longAccumulator();
    numbers.foreach((ForeachFunction<Integer>) sum::add);
    assertThat(sum.value()).isEqualTo(21L);
    LongAccumulator partitions = session.emberContext().longAccumulator();
    numbers.foreachPartition((ForeachPartitionFunction<Integer>) it -> partitions.add(1));
    assertThat(partitions.value()).isEqualTo(2L);
  }

  @Test
  void groupByKeyCountsAndMapsGroups() {
    KeyValueGroupedDataset<Integer, String> byLength = words.groupByKey(
        (MapFunction<String, Integer>) String::length, Encoders.INT());
    Dataset<Tuple2<Integer, Long>> counts = byLength.count();
    assertThat(counts.columns()).containsExactly("key", "count(1)");
    assertThat(sorted(counts.collectAsList())).containsExactly(new Tuple2<>(1, 2L), new Tuple2<>(2, 3L),
        new Tuple2<>(3, 1L));
    Dataset<String> joined = byLength.mapGroups((MapGroupsFunction<Integer, String, String>) (k, it) -> {
      List<String> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      all.sort(Comparator.naturalOrder());
      return k + ":" + String.join(",", all);
    }, Encoders.STRING());
    assertThat(joined.orderBy(col("value")).collectAsList()).containsExactly("1:a,d", "2:bb,bb,cc", "3:eee");
    assertThat(byLength.keys().orderBy(col("value")).collectAsList()).containsExactly(1, 2, 3);
  }

  @Test
  void reduceGroupsFlatMapGroupsAndMapValues() {
    KeyValueGroupedDataset<Boolean, Integer> byParity = numbers.groupByKey(
        (MapFunction<Integer, Boolean>) x -> x % 2 == 0, Encoders.BOOLEAN());
    assertThat(sorted(byParity.reduceGroups((ReduceFunction<Integer>) Integer::sum).collectAsList()))
        .containsExactly(new Tuple2<>(false, 9), new Tuple2<>(true, 12));
    Dataset<Integer> firstTwo = byParity.flatMapGroups((FlatMapGroupsFunction<Boolean, Integer, Integer>) (k, it) -> {
      List<Integer> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      all.sort(Comparator.naturalOrder());
      return all.subList(0, 2).iterator();
    }, Encoders.INT());
    assertThat(firstTwo.orderBy(col("value")).collectAsList()).containsExactly(1, 2, 3, 4);
    Dataset<Tuple2<Boolean, String>> labels = byParity
        .mapValues((MapFunction<Integer, String>) x -> "n" + x, Encoders.STRING())
        .reduceGroups((ReduceFunction<String>) (a, b) -> a.compareTo(b) < 0 ? a : b);
    assertThat(sorted(labels.collectAsList())).containsExactly(new Tuple2<>(false, "n1"), new Tuple2<>(true, "n2"));
  }

  @Test
  void explainShowsTypedOperators() {
    String plan = numbers.map((MapFunction<Integer, Long>) x -> (long) x, Encoders.LONG())
        .queryExecution().explainString(true);
    assertThat(plan).contains("MapElements java.lang.Integer => java.lang.Long", "LocalTableScan");
    String grouped = words.groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT()).count()
        .queryExecution().explainString(false);
    assertThat(grouped).contains("MapGroups", "AppendColumns java.lang.String => java.lang.Integer", "Exchange");
  }

  @Test
  void selfJoinsOfTypedDatasetsGetFreshColumns() {
    Dataset<Integer> doubled = numbers.map((MapFunction<Integer, Integer>) x -> x * 2, Encoders.INT());
    Dataset<Row> pairs = doubled.as("a").join(doubled.as("b"), col("a.value").equalTo(col("b.value").minus(2)))
        .orderBy(col("a.value"));
    assertThat(pairs.collectAsList()).containsExactly(RowFactory.create(2, 4), RowFactory.create(4, 6),
        RowFactory.create(6, 8), RowFactory.create(8, 10), RowFactory.create(10, 12));
    Dataset<Tuple2<Integer, Long>> counts = words.groupByKey((MapFunction<String, Integer>) String::length,
        Encoders.INT()).count();
    // Counts by length: 1 -> 2 (a, d), 2 -> 3 (bb, cc, bb), 3 -> 1 (eee).
    Dataset<Row> oneMore = counts.as("x").join(counts.as("y"), col("x.count(1)").equalTo(col("y.count(1)").plus(1)))
        .orderBy(col("x.key"));
    assertThat(oneMore.collectAsList()).containsExactly(RowFactory.create(1, 2L, 3, 1L),
        RowFactory.create(2, 3L, 1, 2L));
    Dataset<Integer> fromRdd = session.createDataset(session.emberContext().parallelize(List.of(1, 2), 2),
        Encoders.INT());
    assertThat(fromRdd.as("l").join(fromRdd.as("r"), col("l.value").lt(col("r.value"))).collectAsList())
        .containsExactly(RowFactory.create(1, 2));
  }

  @Test
  void closureCapturingSomethingNotSerializableFailsLikeCoreClosures() {
    Object lock = new Object();
    assertThatThrownBy(() -> numbers.map((MapFunction<Integer, Integer>) x -> x + lock.hashCode(), Encoders.INT()))
        .isInstanceOfSatisfying(EmberException.class, e -> {
          assertThat(e.condition()).isEqualTo("TASK_NOT_SERIALIZABLE");
          assertThat(e.getMessage()).contains("Task not serializable", "java.lang.Object");
        });
    assertThatThrownBy(() -> words.groupByKey((MapFunction<String, Integer>) w -> lock.hashCode(), Encoders.INT()))
        .isInstanceOf(EmberException.class).hasMessageContaining("Task not serializable");
  }

  @Test
  void userFunctionErrorsReachTheCaller() {
    Dataset<Integer> failing = numbers.map((MapFunction<Integer, Integer>) x -> {
      if (x == 4) {
        throw new IllegalStateException("boom at " + x);
      }
      return x;
    }, Encoders.INT());
    assertThatThrownBy(failing::collectAsList).hasStackTraceContaining("boom at 4");
  }

  private static <K extends Comparable<K>, V> List<Tuple2<K, V>> sorted(List<Tuple2<K, V>> pairs) {
    List<Tuple2<K, V>> copy = new ArrayList<>(pairs);
    copy.sort(Comparator.comparing(Tuple2::_1));
    return copy;
  }
}
