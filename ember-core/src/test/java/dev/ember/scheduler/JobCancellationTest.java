package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.EventRecorder;
import dev.ember.FutureAction;
import dev.ember.TaskContext;
import dev.ember.rdd.RDD;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobCancellationTest {

  private EmberContext sc;
  private EventRecorder recorder;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("JobCancellationTest"));
    recorder = new EventRecorder();
    sc.addEmberListener(recorder);
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  /** Two tasks that would sleep for a minute; only an interrupt ends them early. */
  private RDD<Integer> sleepingJob() {
    return sc.parallelize(List.of(1, 2), 2).map(x -> {
      Thread.sleep(60_000);
      return x;
    });
  }

  /** Two tasks that poll their context until asked to stop, as cooperative long loops do. */
  private RDD<Integer> pollingJob() {
    return sc.parallelize(List.of(1, 2), 2).map(x -> {
      long end = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < end && !TaskContext.get().isInterrupted()) {
        Thread.sleep(10);
      }
      return x;
    });
  }

  private void awaitRunningTasks(int count) throws InterruptedException {
    recorder.await(EmberListenerEvent.TaskStart.class, e -> true, count);
  }

  private void awaitKilledTasks(int count) throws InterruptedException {
    List<EmberListenerEvent.TaskEnd> killed = recorder.await(EmberListenerEvent.TaskEnd.class,
        e -> e.reason() instanceof TaskEndReason.TaskKilled, count);
    assertThat(killed).allSatisfy(e -> assertThat(e.taskInfo().killed()).isTrue());
  }

  @Test
  void cancellingAJobGroupInterruptsItsTasksAndFailsTheJobQuickly() throws Exception {
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread submitter = new Thread(() -> {
      sc.setJobGroup("nightly", "a long job", true);
      try {
        sleepingJob().count();
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    submitter.start();
    awaitRunningTasks(2);
    long cancelledAt = System.nanoTime();
    sc.cancelJobGroup("nightly");
    Throwable failure = outcome.get(10, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt)).isLessThan(5_000);
    assertThat(failure).isInstanceOfSatisfying(EmberException.class,
        e -> assertThat(e.condition()).isEqualTo("JOB_CANCELLED"));
    assertThat(failure).hasMessageContaining("job group nightly");
    awaitKilledTasks(2);
    assertThat(sc.parallelize(List.of(1, 2, 3), 2).count()).isEqualTo(3);
  }

  @Test
  void cancellingOneJobStopsTasksThatPollTheirContext() throws Exception {
    FutureAction<Long> running = pollingJob().countAsync();
    awaitRunningTasks(2);
    sc.cancelJob(running.jobIds().get(0));
    assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(EmberException.class,
            e -> assertThat(e.condition()).isEqualTo("JOB_CANCELLED"));
    awaitKilledTasks(2);
    recorder.await(EmberListenerEvent.JobEnd.class, e -> !e.succeeded(), 1);
    assertThat(sc.parallelize(List.of(1, 2, 3), 3).map(x -> x * 2).collect()).containsExactly(2, 4, 6);
  }

  @Test
  void otherGroupsAreNotCancelled() throws Exception {
    sc.setJobGroup("keep", "survives", false);
    FutureAction<Long> kept = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      Thread.sleep(300);
      return x;
    }).countAsync();
    sc.setJobGroup("drop", "cancelled", true);
    FutureAction<Long> dropped = sleepingJob().countAsync();
    sc.clearJobGroup();
    recorder.await(EmberListenerEvent.JobStart.class, e -> true, 2);
    sc.cancelJobGroup("drop");
    assertThatThrownBy(() -> dropped.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(EmberException.class)
        .hasMessageContaining("JOB_CANCELLED");
    assertThat(kept.get(10, TimeUnit.SECONDS)).isEqualTo(4);
  }

  @Test
  void cancelAllJobsCancelsEveryActiveJob() throws Exception {
    sc.setJobGroup("all", "both", true);
    FutureAction<Long> first = sleepingJob().countAsync();
    FutureAction<List<Integer>> second = sleepingJob().collectAsync();
    recorder.await(EmberListenerEvent.JobStart.class, e -> true, 2);
    sc.cancelAllJobs();
    for (FutureAction<?> action : List.of(first, second)) {
      assertThatThrownBy(() -> action.get(10, TimeUnit.SECONDS)).hasMessageContaining("JOB_CANCELLED");
    }
    assertThat(sc.range(0, 10).count()).isEqualTo(10);
  }

  @Test
  void cancellingAFutureActionStopsItsJob() throws Exception {
    sc.setJobGroup("future", "cancel through the future", true);
    FutureAction<Long> running = sleepingJob().countAsync();
    awaitRunningTasks(2);
    assertThat(running.cancel(true)).isTrue();
    assertThat(running.isCancelled()).isTrue();
    assertThat(running.isDone()).isTrue();
    assertThatThrownBy(running::get).isInstanceOf(java.util.concurrent.CancellationException.class);
    awaitKilledTasks(2);
    recorder.await(EmberListenerEvent.JobEnd.class, e -> e.failure() != null
        && e.failure().getMessage().contains("JOB_CANCELLED"), 1);
    assertThat(running.cancel(true)).isFalse();
    assertThat(sc.parallelize(List.of(5), 1).collect()).containsExactly(5);
  }
}
