package dev.ember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.rdd.PairRDD;
import dev.ember.rdd.RDD;
import dev.ember.util.LongAccumulator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalJobTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("LocalJobTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void narrowTransformationsAndActions() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 3);
    assertThat(numbers.getNumPartitions()).isEqualTo(3);
    assertThat(numbers.map(x -> x * 2).filter(x -> x > 10).collect()).containsExactly(12, 14, 16, 18, 20);
    assertThat(numbers.count()).isEqualTo(10);
    assertThat(numbers.reduce(Integer::sum)).isEqualTo(55);
    assertThat(sc.range(0, 100).count()).isEqualTo(100);
    assertThat(sc.range(10, 0, -3, 2).collect()).containsExactly(10L, 7L, 4L, 1L);
  }

  @Test
  void wordCountThroughAShuffle() {
    RDD<String> lines = sc.parallelize(List.of("a b c", "b c", "c"), 2);
    PairRDD<String, Integer> counts = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum, 3);
    assertThat(counts.collectAsMap()).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
    assertThat(counts.groupByKey().mapValues(v -> v.iterator().next()).count()).isEqualTo(3);
  }

  @Test
  void accumulatorsCountOncePerSuccessfulTask() {
    LongAccumulator acc = sc.longAccumulator("seen");
    sc.parallelize(List.of(1, 2, 3, 4), 2).foreach(x -> acc.add(x));
    assertThat(acc.value()).isEqualTo(10);
  }

  @Test
  void failingTaskIsRetriedThenJobFailsWithRootCause() {
    assertThatThrownBy(() -> sc.parallelize(List.of(1, 2), 2).map(x -> {
      if (x == 2) {
        throw new IllegalStateException("boom " + x);
      }
      return x;
    }).collect())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("failed 4 times")
        .hasMessageContaining("boom 2")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(sc.parallelize(List.of(1, 2, 3)).count()).isEqualTo(3);
  }

  @Test
  void closureCapturingUnserializableObjectFailsBeforeRunning() {
    Object notSerializable = new Object();
    AtomicInteger ran = new AtomicInteger();
    assertThatThrownBy(() -> sc.parallelize(List.of(1)).map(x -> x + notSerializable.hashCode()))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("TASK_NOT_SERIALIZABLE");
    assertThat(ran.get()).isZero();
  }
}
