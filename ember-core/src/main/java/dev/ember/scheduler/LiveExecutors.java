package dev.ember.scheduler;

/**
 * Which executors and hosts the task scheduler knows to be alive, so a task set waits for a preferred
 * location only while that location can still take the task.
 */
interface LiveExecutors {

  /** Whether executor {@code executorId} is registered and not lost. */
  boolean isExecutorAlive(String executorId);

  /** Whether some live executor runs on {@code host}. */
  boolean hasExecutorsAliveOnHost(String host);
}
