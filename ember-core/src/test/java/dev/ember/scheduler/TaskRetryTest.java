package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.EventRecorder;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which task failures are retried, how often, and what a job that fails for good reports. */
class TaskRetryTest {

  private EmberContext sc;
  private EventRecorder recorder;

  private void start(String master, Map<String, String> settings) {
    EmberConf conf = new EmberConf(false).setMaster(master).setAppName("TaskRetryTest");
    settings.forEach(conf::set);
    sc = new EmberContext(conf);
    recorder = new EventRecorder();
    sc.addEmberListener(recorder);
  }

  @AfterEach
  void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  /** Partition 1 of a two-partition RDD fails on every attempt. */
  private RDD<Integer> alwaysFailingPartition() {
    return sc.parallelize(List.of(1, 2), 2).map(x -> {
      if (x == 2) {
        throw new IllegalStateException("bad record " + x);
      }
      return x;
    });
  }

  /** The attempts per partition, from TaskEnd events. */
  private Map<Integer, Long> attemptsByPartition() throws InterruptedException {
    assertThat(sc.listenerBus().waitUntilEmpty(10_000)).isTrue();
    return recorder.events(EmberListenerEvent.TaskEnd.class).stream()
        .collect(Collectors.groupingBy(e -> e.taskInfo().partitionId(), Collectors.counting()));
  }

  @Test
  void transientFailureSucceedsOnTheSecondAttempt() throws Exception {
    start("local[2]", Map.of());
    List<Integer> result = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 3 && TaskContext.get().attemptNumber() == 0) {
        throw new IOException("disk hiccup");
      }
      return x * 10;
    }).collect();
    assertThat(result).containsExactly(10, 20, 30, 40);
    assertThat(attemptsByPartition()).isEqualTo(Map.of(0, 1L, 1, 2L));
    List<EmberListenerEvent.TaskEnd> partition1 = recorder.events(EmberListenerEvent.TaskEnd.class).stream()
        .filter(e -> e.taskInfo().partitionId() == 1).toList();
    assertThat(partition1.get(0).reason()).isInstanceOfSatisfying(TaskEndReason.ExceptionFailure.class,
        failure -> assertThat(failure.description()).contains("disk hiccup"));
    assertThat(partition1.get(0).taskInfo().failed()).isTrue();
    assertThat(partition1.get(1).reason()).isInstanceOf(TaskEndReason.Success.class);
    assertThat(partition1.get(1).taskInfo().attemptNumber()).isEqualTo(1);
  }

  @Test
  void permanentFailureReportsTheRootCauseAndTheContextStaysUsable() throws Exception {
    start("local[2]", Map.of());
    assertThatThrownBy(() -> alwaysFailingPartition().collect())
        .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.condition()).isEqualTo("JOB_ABORTED"))
        .hasMessageContaining("Task 1 in stage 0.0 failed 4 times")
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("bad record 2");
    assertThat(attemptsByPartition().get(1)).isEqualTo(4);
    assertThat(sc.parallelize(List.of(1, 2, 3), 3).map(x -> x + 1).collect()).containsExactly(2, 3, 4);
  }

  @Test
  void failureInAShuffleMapStageAlsoReachesTheCaller() {
    start("local[2]", Map.of("spark.task.maxFailures", "1"));
    assertThatThrownBy(() -> sc.parallelize(List.of("a", "b"), 2).mapToPair(w -> {
      if (w.equals("b")) {
        throw new UnsupportedOperationException("no b");
      }
      return new Tuple2<>(w, 1);
    }).reduceByKey(Integer::sum, 2).collect())
        .isInstanceOf(EmberException.class)
        .hasRootCauseInstanceOf(UnsupportedOperationException.class)
        .hasRootCauseMessage("no b");
    assertThat(sc.parallelize(List.of("a", "a"), 2).mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum, 1)
        .collectAsMap()).isEqualTo(Map.of("a", 2));
  }

  @Test
  void localMasterWithFailuresGivesThatManyAttempts() throws Exception {
    start("local[2,3]", Map.of("spark.task.maxFailures", "7"));
    assertThatThrownBy(() -> alwaysFailingPartition().count()).hasMessageContaining("failed 3 times");
    assertThat(attemptsByPartition().get(1)).isEqualTo(3);
  }

  @Test
  void sparkTaskMaxFailuresIsHonoured() throws Exception {
    start("local[2]", Map.of("spark.task.maxFailures", "2"));
    assertThatThrownBy(() -> alwaysFailingPartition().count()).hasMessageContaining("failed 2 times");
    assertThat(attemptsByPartition().get(1)).isEqualTo(2);
  }

  @Test
  void oneAllowedFailureMeansNoRetry() throws Exception {
    start("local[1]", Map.of("ember.task.maxFailures", "1"));
    assertThatThrownBy(() -> alwaysFailingPartition().count()).hasMessageContaining("failed 1 times");
    assertThat(attemptsByPartition().get(1)).isEqualTo(1);
  }

  /** An exception that cannot travel back to the driver: its class and message still do. */
  static final class UnserializableFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Object payload = new Object();

    UnserializableFailure(String message) {
      super(message);
    }
  }

  @Test
  void anExceptionThatCannotBeSerializedIsStillDescribed() {
    start("local[1]", Map.of("spark.task.maxFailures", "1"));
    assertThatThrownBy(() -> sc.parallelize(List.of(1), 1).map(x -> {
      throw new UnserializableFailure("cannot travel");
    }).count())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining(UnserializableFailure.class.getName())
        .hasMessageContaining("cannot travel");
  }
}
