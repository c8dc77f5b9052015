package dev.ember.scheduler;

/**
 * How close a task ran to its data, as Spark's UI shows it, from closest to farthest. A task set allows a
 * level once no task could be launched at the closer levels for their locality wait ({@code spark.locality.wait},
 * 3 s by default).
 *
 * <ul>
 *   <li>{@link #PROCESS_LOCAL}: on the executor that holds the task's cached partition (and every task with no
 *       preference, as Spark reports them);
 *   <li>{@link #NODE_LOCAL}: on another executor of a host the task prefers;
 *   <li>{@link #NO_PREF}: the level of tasks that prefer nowhere, offered without delay;
 *   <li>{@link #ANY}: anywhere.
 * </ul>
 */
public enum TaskLocality {
  PROCESS_LOCAL,
  NODE_LOCAL,
  NO_PREF,
  ANY;

  /** Whether a task at this level may run when the scheduler allows at most {@code constraint}. */
  public boolean isAllowed(TaskLocality constraint) {
    return ordinal() <= constraint.ordinal();
  }
}
