package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EventRecorder;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.executor.TaskMetrics;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskMetricsReportingTest {

  private EmberContext sc;
  private EventRecorder recorder;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("TaskMetricsReportingTest"));
    recorder = new EventRecorder();
    sc.addEmberListener(recorder);
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private List<EmberListenerEvent.TaskEnd> taskEnds() throws InterruptedException {
    assertThat(sc.listenerBus().waitUntilEmpty(10_000)).isTrue();
    return recorder.events(EmberListenerEvent.TaskEnd.class);
  }

  private StageInfo completedStage(int stageId) {
    return recorder.events(EmberListenerEvent.StageCompleted.class).stream()
        .map(EmberListenerEvent.StageCompleted::stageInfo)
        .filter(info -> info.stageId() == stageId).reduce((first, second) -> second).orElseThrow();
  }

  @Test
  void successfulTasksReportTimesResultSizeAndInputRecords() throws Exception {
    List<Integer> slept = sc.parallelize(IntStream.rangeClosed(1, 10).boxed().toList(), 2).map(x -> {
      if (x == 1 || x == 6) {
        Thread.sleep(60);
      }
      return x;
    }).collect();
    assertThat(slept).hasSize(10);
    List<EmberListenerEvent.TaskEnd> ends = taskEnds();
    assertThat(ends).hasSize(2).allSatisfy(end -> {
      TaskMetrics metrics = end.metrics();
      assertThat(metrics).isNotNull();
      assertThat(metrics.recordsRead()).isEqualTo(5);
      assertThat(metrics.executorRunTimeMs()).isGreaterThanOrEqualTo(60);
      assertThat(metrics.executorDeserializeTimeMs()).isNotNegative();
      assertThat(metrics.executorCpuTimeNs()).isPositive();
      assertThat(metrics.jvmGcTimeMs()).isNotNegative();
      assertThat(metrics.resultSize()).isPositive();
    });

    TaskMetrics total = completedStage(0).taskMetrics();
    assertThat(total.recordsRead()).isEqualTo(10);
    assertThat(total.executorRunTimeMs())
        .isEqualTo(ends.stream().mapToLong(e -> e.metrics().executorRunTimeMs()).sum());
    assertThat(total.resultSize()).isEqualTo(ends.stream().mapToLong(e -> e.metrics().resultSize()).sum());
  }

  @Test
  void rangeAndMapStagesCountTheirInputRecords() throws Exception {
    assertThat(sc.range(0, 100, 1, 4).count()).isEqualTo(100);
    assertThat(taskEnds()).extracting(e -> e.metrics().recordsRead()).containsOnly(25L);
    assertThat(completedStage(0).taskMetrics().recordsRead()).isEqualTo(100);

    sc.parallelize(List.of("a", "b", "a", "c", "a", "b"), 3).mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum, 2).collect();
    taskEnds();
    assertThat(completedStage(1).taskMetrics().recordsRead()).isEqualTo(6);
    assertThat(completedStage(2).taskMetrics().recordsRead()).as("shuffle reads are not input").isZero();
    assertThat(completedStage(2).taskMetrics().resultSize()).isPositive();
  }

  @Test
  void failedAttemptsReportMetricsButStageTotalsCountOnlySuccesses() throws Exception {
    long count = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 4 && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("transient");
      }
      return x;
    }).count();
    assertThat(count).isEqualTo(4);
    List<EmberListenerEvent.TaskEnd> ends = taskEnds();
    EmberListenerEvent.TaskEnd failed = ends.stream()
        .filter(e -> e.reason() instanceof TaskEndReason.ExceptionFailure).findFirst().orElseThrow();
    assertThat(failed.metrics()).isNotNull();
    assertThat(failed.metrics().recordsRead()).isEqualTo(2);
    assertThat(failed.metrics().executorCpuTimeNs()).isPositive();
    assertThat(ends.stream().mapToLong(e -> e.metrics().recordsRead()).sum()).isEqualTo(6);
    assertThat(completedStage(0).taskMetrics().recordsRead()).isEqualTo(4);
  }

  @Test
  void aFailedStageStillReportsItsStageInfo() throws Exception {
    assertThatThrownBy(() -> sc.parallelize(List.of(1), 1).map(x -> {
      throw new IllegalStateException("always");
    }).count()).hasRootCauseMessage("always");
    taskEnds();
    assertThat(completedStage(0).failureReason()).contains("always");
  }
}
