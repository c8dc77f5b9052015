package dev.ember.scheduler;

import dev.ember.executor.Executor;
import dev.ember.executor.ExecutorBackend;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Local mode: one executor inside the driver's JVM with a fixed number of cores. Tasks still go through
 * serialization, so a closure that would fail on a cluster fails the same way here. All scheduling
 * messages are handled on one thread, in order.
 */
public final class LocalSchedulerBackend implements SchedulerBackend, ExecutorBackend {

  public static final String EXECUTOR_ID = "driver";
  private static final String HOST = "localhost";

  private final TaskSchedulerImpl scheduler;
  private final Executor executor;
  private final int totalCores;
  private final ExecutorService endpoint = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "local-scheduler-endpoint");
    thread.setDaemon(true);
    return thread;
  });
  private int freeCores;

  public LocalSchedulerBackend(TaskSchedulerImpl scheduler, Executor executor, int totalCores) {
    this.scheduler = scheduler;
    this.executor = executor;
    this.totalCores = totalCores;
    this.freeCores = totalCores;
  }

  @Override
  public void start() {
    // The executor is created with the backend; nothing more to start.
  }

  @Override
  public void stop() {
    endpoint.shutdown();
    try {
      endpoint.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.stop();
  }

  @Override
  public void reviveOffers() {
    submit(this::offerFreeCores);
  }

  @Override
  public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {
    submit(() -> executor.killTask(taskId, interruptThread, reason));
  }

  @Override
  public int defaultParallelism() {
    return totalCores;
  }

  @Override
  public void statusUpdate(long taskId, TaskState state, ByteBuffer data) {
    submit(() -> {
      if (state.isFinished()) {
        freeCores += scheduler.cpusPerTask();
      }
      scheduler.statusUpdate(taskId, state, data);
      if (state.isFinished()) {
        offerFreeCores();
      }
    });
  }

  private void offerFreeCores() {
    if (freeCores <= 0) {
      return;
    }
    List<TaskDescription> tasks = scheduler.resourceOffers(List.of(new WorkerOffer(EXECUTOR_ID, HOST, freeCores)));
    for (TaskDescription task : tasks) {
      freeCores -= scheduler.cpusPerTask();
      executor.launchTask(this, task);
    }
  }

  private void submit(Runnable message) {
    if (!endpoint.isShutdown()) {
      try {
        endpoint.execute(message);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Stopping: messages after stop are dropped.
      }
    }
  }
}
