package dev.ember.scheduler;

/**
 * Connects the task scheduler to executors: offers their free cores and delivers tasks to them. Local mode
 * has one in-process executor; a cluster has executors in other processes.
 */
public interface SchedulerBackend {

  /** Starts the backend and its executors. */
  void start();

  /** Stops the backend and its executors. */
  void stop();

  /** Asks the backend to offer free cores to the scheduler now, because tasks are waiting. */
  void reviveOffers();

  /** Asks executor {@code executorId} to stop task {@code taskId}. */
  void killTask(long taskId, String executorId, boolean interruptThread, String reason);

  /** The default number of partitions: the total number of cores. */
  int defaultParallelism();

  /**
   * The id the cluster manager gave this application once {@link #start()} returned, or empty to let the
   * context name it (local mode).
   */
  default java.util.Optional<String> applicationId() {
    return java.util.Optional.empty();
  }
}
