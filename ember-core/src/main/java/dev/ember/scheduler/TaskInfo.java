package dev.ember.scheduler;

/**
 * One task attempt as the driver saw it: where and when it ran and how it ended.
 *
 * @param index the task's index in its task set
 * @param finishTime 0 while running
 */
public record TaskInfo(long taskId, int index, int attemptNumber, int partitionId, long launchTime,
    String executorId, String host, long finishTime, boolean failed, boolean killed) {

  /** This attempt, marked finished now. */
  public TaskInfo finished(boolean failedNow, boolean killedNow) {
    return new TaskInfo(taskId, index, attemptNumber, partitionId, launchTime, executorId, host,
        System.currentTimeMillis(), failedNow, killedNow);
  }

  /** How long the attempt ran, in milliseconds, so far or in all. */
  public long duration() {
    return (finishTime == 0 ? System.currentTimeMillis() : finishTime) - launchTime;
  }
}
