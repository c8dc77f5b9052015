package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each RDD records the line of the user's program that created it, and prints it as Spark does. */
class RDDCreationSiteTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("sites")
        .set("spark.ui.showConsoleProgress", "false"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private static String here(int linesBack) {
    return "RDDCreationSiteTest.java:" + (StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() - linesBack);
  }

  @Test
  void theCreatingMethodAndLineAreRecordedForSourcesTransformationsAndShuffles() {
    RDD<String> lines = sc.parallelize(List.of("a b", "b"), 2);
    String linesSite = "parallelize at " + here(1);
    RDD<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator());
    String wordsSite = "flatMap at " + here(1);
    RDD<Tuple2<String, Integer>> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum).rdd();
    String countsSite = "reduceByKey at " + here(1);

    assertThat(lines.creationSite()).isEqualTo(linesSite);
    assertThat(words.creationSite()).isEqualTo(wordsSite);
    assertThat(counts.creationSite()).isEqualTo(countsSite);
    assertThat(sc.range(0, 10).creationSite()).startsWith("range at RDDCreationSiteTest.java:");
    assertThat(words).hasToString("MapPartitionsRDD[" + words.id() + "] at " + wordsSite);
  }

  @Test
  void toDebugStringPrintsEachRddWithItsCallSiteAndStorageLevel() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4), 2);
    String numbersSite = "parallelize at " + here(1);
    RDD<Integer> doubled = numbers.map(n -> n * 2).cache();
    String doubledSite = "map at " + here(1);

    assertThat(doubled.toDebugString()).isEqualTo(String.join("\n",
        "(2) MapPartitionsRDD[" + doubled.id() + "] at " + doubledSite + " [Memory Deserialized 1x Replicated]",
        " |  ParallelCollectionRDD[" + numbers.id() + "] at " + numbersSite + " []"));
  }

  @Test
  void anRddDeserializedOnAnExecutorHasNoCallSite() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2), 2);

    List<Boolean> sitesSeen = numbers.mapPartitions(it -> List.of(numbers.creationSite() == null).iterator())
        .collect();

    assertThat(sitesSeen).containsExactly(true, true);
  }
}
