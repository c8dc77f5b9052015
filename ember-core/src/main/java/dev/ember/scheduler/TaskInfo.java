package dev.ember.scheduler;

/**
 * One task attempt as the driver saw it: where and when it ran, how close to its data, and how it ended.
 *
 * @param index the task's index in its task set
 * @param finishTime 0 while running
 * @param taskLocality how close to its data the attempt ran ({@link TaskLocality#PROCESS_LOCAL} for tasks
 *     that prefer nowhere, as in Spark)
 */
public record TaskInfo(long taskId, int index, int attemptNumber, int partitionId, long launchTime,
    String executorId, String host, long finishTime, boolean failed, boolean killed, TaskLocality taskLocality) {

  /** An attempt with no locality recorded: {@link TaskLocality#PROCESS_LOCAL}. */
  public TaskInfo(long taskId, int index, int attemptNumber, int partitionId, long launchTime,
      String executorId, String host, long finishTime, boolean failed, boolean killed) {
    this(taskId, index, attemptNumber, partitionId, launchTime, executorId, host, finishTime, failed, killed,
        TaskLocality.PROCESS_LOCAL);
  }

  /** This attempt, marked finished now. */
  public TaskInfo finished(boolean failedNow, boolean killedNow) {
    return new TaskInfo(taskId, index, attemptNumber, partitionId, launchTime, executorId, host,
        System.currentTimeMillis(), failedNow, killedNow, taskLocality);
  }

  /** How long the attempt ran, in milliseconds, so far or in all. */
  public long duration() {
    return (finishTime == 0 ? System.currentTimeMillis() : finishTime) - launchTime;
  }
}
