package dev.ember.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EventRecorder;
import dev.ember.FutureAction;
import dev.ember.Tuple2;
import dev.ember.executor.TaskMetrics;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.StageInfo;
import dev.ember.scheduler.TaskEndReason;
import dev.ember.scheduler.TaskInfo;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {

  private EmberContext sc;
  private EmberStatusTracker tracker;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("StatusTrackerTest")
        .set("spark.ui.retainedJobs", "3"));
    tracker = sc.statusTracker();
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private void drain() throws InterruptedException {
    assertThat(sc.listenerBus().waitUntilEmpty(10_000)).isTrue();
  }

  @Test
  void reportsFinishedJobsTheirStagesAndGroups() throws Exception {
    sc.setJobGroup("report", "two jobs", false);
    sc.parallelize(List.of(1, 2, 3), 3).count();
    sc.parallelize(List.of("a", "b", "a"), 2).mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum, 2)
        .collect();
    sc.clearJobGroup();
    sc.parallelize(List.of(1), 1).count();
    drain();

    assertThat(tracker.getJobIdsForGroup("report")).containsExactly(0, 1);
    assertThat(tracker.getJobIdsForGroup(null)).containsExactly(2);
    assertThat(tracker.getActiveJobIds()).isEmpty();
    assertThat(tracker.getActiveStageIds()).isEmpty();

    EmberJobInfo count = tracker.getJobInfo(0).orElseThrow();
    assertThat(count.status()).isEqualTo(JobExecutionStatus.SUCCEEDED);
    assertThat(count.stageIds()).containsExactly(0);
    EmberStageInfo countStage = tracker.getStageInfo(0).orElseThrow();
    assertThat(countStage.numTasks()).isEqualTo(3);
    assertThat(countStage.numCompletedTasks()).isEqualTo(3);
    assertThat(countStage.numActiveTasks()).isZero();
    assertThat(countStage.numFailedTasks()).isZero();

    EmberJobInfo shuffle = tracker.getJobInfo(1).orElseThrow();
    assertThat(shuffle.stageIds()).containsExactly(1, 2);
    assertThat(tracker.getStageInfo(1).orElseThrow().numCompletedTasks()).isEqualTo(2);
    assertThat(tracker.getStageInfo(2).orElseThrow().numCompletedTasks()).isEqualTo(2);
    assertThat(tracker.getJobInfo(99)).isEmpty();
    assertThat(tracker.getStageInfo(99)).isEmpty();
  }

  @Test
  void reportsRunningAndFailedJobs() throws Exception {
    EventRecorder recorder = new EventRecorder();
    sc.addEmberListener(recorder);
    sc.setJobGroup("slow", "waits", true);
    FutureAction<Long> running = sc.parallelize(List.of(1, 2, 3), 3).map(x -> {
      Thread.sleep(x == 1 ? 0 : 60_000);
      return x;
    }).countAsync();
    recorder.await(EmberListenerEvent.TaskEnd.class, e -> true, 1);
    recorder.await(EmberListenerEvent.TaskStart.class, e -> true, 3);
    drain();
    int jobId = running.jobIds().get(0);
    assertThat(tracker.getActiveJobIds()).containsExactly(jobId);
    assertThat(tracker.getJobInfo(jobId).orElseThrow().status()).isEqualTo(JobExecutionStatus.RUNNING);
    int stageId = tracker.getActiveStageIds()[0];
    EmberStageInfo stage = tracker.getStageInfo(stageId).orElseThrow();
    assertThat(stage.numTasks()).isEqualTo(3);
    assertThat(stage.numCompletedTasks()).isEqualTo(1);
    assertThat(stage.numActiveTasks()).isEqualTo(2);
    assertThat(stage.submissionTime()).isPositive();

    sc.cancelJobGroup("slow");
    assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasMessageContaining("JOB_CANCELLED");
    recorder.await(EmberListenerEvent.TaskEnd.class, e -> e.reason() instanceof TaskEndReason.TaskKilled, 2);
    drain();
    assertThat(tracker.getJobInfo(jobId).orElseThrow().status()).isEqualTo(JobExecutionStatus.FAILED);
    assertThat(tracker.getActiveJobIds()).isEmpty();
    assertThat(tracker.getStageInfo(stageId).orElseThrow().numActiveTasks()).isZero();
    assertThat(tracker.getStageInfo(stageId).orElseThrow().numFailedTasks()).as("killed is not failed").isZero();
  }

  @Test
  void keepsOnlyTheConfiguredNumberOfJobs() throws Exception {
    for (int i = 0; i < 5; i++) {
      sc.parallelize(List.of(i), 1).count();
    }
    drain();
    assertThat(tracker.getJobIdsForGroup(null)).containsExactly(2, 3, 4);
    assertThat(tracker.getJobInfo(0)).isEmpty();
  }

  @Test
  void storeCountsFailedTasksAndStartsEachStageAttemptAfresh() {
    AppStatusStore store = new AppStatusStore(5, 2);
    Properties group = new Properties();
    group.setProperty("ember.jobGroup.id", "g");
    StageInfo attempt0 = new StageInfo(7, 0, "map", 2, List.of(), 5, 0, null, new TaskMetrics());
    store.onJobStart(new EmberListenerEvent.JobStart(1, 0, List.of(attempt0), group));
    store.onStageSubmitted(new EmberListenerEvent.StageSubmitted(attempt0, group));
    TaskInfo task = new TaskInfo(0, 0, 0, 0, 0, "driver", "localhost", 0, false, false);
    store.onTaskStart(new EmberListenerEvent.TaskStart(7, 0, task));
    store.onTaskEnd(new EmberListenerEvent.TaskEnd(7, 0, "ResultTask",
        new TaskEndReason.ExceptionFailure("X", "boom", "", null, List.of()), task, null));
    assertThat(store.stageInfo(7)).get().extracting(EmberStageInfo::numFailedTasks).isEqualTo(1);

    StageInfo attempt1 = new StageInfo(7, 1, "map", 2, List.of(), 9, 0, null, new TaskMetrics());
    store.onStageSubmitted(new EmberListenerEvent.StageSubmitted(attempt1, group));
    store.onTaskEnd(new EmberListenerEvent.TaskEnd(7, 0, "ResultTask", new TaskEndReason.Success(), task, null));
    assertThat(store.stageInfo(7)).isEqualTo(Optional.of(new EmberStageInfo(7, 1, 9, "map", 2, 0, 0, 0)));
    assertThat(store.jobIdsForGroup("g")).containsExactly(1);
    assertThat(store.activeStageIds()).containsExactly(7);
  }
}
