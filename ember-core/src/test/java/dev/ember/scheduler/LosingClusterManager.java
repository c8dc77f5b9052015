package dev.ember.scheduler;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import dev.ember.executor.Executor;
import dev.ember.executor.ExecutorBackend;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cluster manager for tests, found through the {@link ExternalClusterManager} SPI for
 * {@code losing-cluster://} URLs. Its backend has two one-core executors in this JVM: "doomed", which takes
 * the first task and never runs it, and is then lost; and "healthy", which runs everything else.
 */
public final class LosingClusterManager implements ExternalClusterManager {

  @Override
  public boolean canCreate(String masterUrl) {
    return masterUrl.startsWith("losing-cluster://");
  }

  @Override
  public SchedulerBackend createSchedulerBackend(String masterUrl, EmberConf conf, TaskSchedulerImpl scheduler,
      EmberEnv driverEnv) {
    return new Backend(scheduler, new Executor("healthy", driverEnv, getClass().getClassLoader()));
  }

  private static final class Backend implements SchedulerBackend, ExecutorBackend {
    private final TaskSchedulerImpl scheduler;
    private final Executor healthy;
    private final ExecutorService endpoint = Executors.newSingleThreadExecutor();
    private boolean doomedAlive = true;
    private int healthyFreeCores = 1;

    Backend(TaskSchedulerImpl scheduler, Executor healthy) {
      this.scheduler = scheduler;
      this.healthy = healthy;
    }

    @Override
    public void start() {}

    @Override
    public void stop() {
      endpoint.shutdownNow();
      healthy.stop();
    }

    @Override
    public void reviveOffers() {
      endpoint.execute(this::offer);
    }

    private void offer() {
      List<WorkerOffer> offers = new ArrayList<>();
      if (doomedAlive) {
        offers.add(new WorkerOffer("doomed", "doomed-host", 1));
      }
      if (healthyFreeCores > 0) {
        offers.add(new WorkerOffer("healthy", "healthy-host", healthyFreeCores));
      }
      for (TaskDescription task : scheduler.resourceOffers(offers)) {
        if (task.executorId().equals("doomed")) {
          // The task is swallowed; the executor then dies with it.
          doomedAlive = false;
          endpoint.execute(() -> scheduler.executorLost("doomed", "killed by the test"));
        } else {
          healthyFreeCores--;
          healthy.launchTask(this, task);
        }
      }
    }

    @Override
    public void statusUpdate(long taskId, TaskState state, ByteBuffer data) {
      endpoint.execute(() -> {
        if (state.isFinished()) {
          healthyFreeCores++;
        }
        scheduler.statusUpdate(taskId, state, data);
      });
    }

    @Override
    public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {
      healthy.killTask(taskId, interruptThread, reason);
    }

    @Override
    public int defaultParallelism() {
      return 2;
    }
  }
}
