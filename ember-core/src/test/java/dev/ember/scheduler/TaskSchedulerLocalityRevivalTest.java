package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A declined offer is not the end: when delay scheduling holds a task back, {@link TaskSchedulerImpl} asks the
 * backend to offer again once the locality wait has run out, so the task runs elsewhere without any other
 * event (a task ending, an executor registering) having to happen.
 */
class TaskSchedulerLocalityRevivalTest {

  private final LinkedBlockingQueue<Long> revivals = new LinkedBlockingQueue<>();
  private EmberEnv env;
  private LiveListenerBus listenerBus;
  private DAGScheduler dagScheduler;
  private TaskSchedulerImpl scheduler;

  @BeforeEach
  void start() {
    env = EmberEnv.createLocal(new EmberConf(false).set("spark.locality.wait", "200ms"), "driver");
    listenerBus = new LiveListenerBus();
    scheduler = new TaskSchedulerImpl(env, 4, 1);
    dagScheduler = new DAGScheduler(scheduler, env.mapOutputTracker(), listenerBus, env, 4);
    scheduler.initialize(new RecordingBackend(), dagScheduler);
  }

  @AfterEach
  void stop() {
    scheduler.stop();
    dagScheduler.stop();
    listenerBus.stop();
    env.stop();
  }

  @Test
  void anOfferDeclinedForLocalityIsMadeAgainAfterTheWaitAndTheTaskRunsElsewhere() throws Exception {
    // Executor A (busy: no free core) holds the task's data; B on another host is idle.
    List<WorkerOffer> offers = List.of(new WorkerOffer("A", "hostA", 0), new WorkerOffer("B", "hostB", 1));
    long submitted = System.currentTimeMillis();
    scheduler.submitTasks(FakeTask.taskSet(0, List.of(List.of(TaskLocation.executor("hostA", "A")))));
    assertThat(revivals.poll(5, TimeUnit.SECONDS)).as("the revive of submitTasks").isNotNull();

    List<TaskDescription> launched = new ArrayList<>(scheduler.resourceOffers(offers));
    assertThat(launched).as("declined: waiting for A").isEmpty();
    int timedRevivals = 0;
    while (launched.isEmpty() && timedRevivals < 10) {
      Long revived = revivals.poll(5, TimeUnit.SECONDS);
      assertThat(revived).as("a revive after the locality wait, with no other event").isNotNull();
      timedRevivals++;
      launched.addAll(scheduler.resourceOffers(offers));
    }

    assertThat(launched).hasSize(1);
    assertThat(launched.get(0).executorId()).isEqualTo("B");
    assertThat(System.currentTimeMillis() - submitted).as("process-local, then node-local waits of 200 ms")
        .isGreaterThanOrEqualTo(400);
    assertThat(timedRevivals).as("one revive per level given up").isEqualTo(2);
  }

  /** Records when the scheduler asks for offers; the test makes the offers itself. */
  private final class RecordingBackend implements SchedulerBackend {
    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public void reviveOffers() {
      revivals.add(System.currentTimeMillis());
    }

    @Override
    public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {}

    @Override
    public int defaultParallelism() {
      return 1;
    }
  }
}
