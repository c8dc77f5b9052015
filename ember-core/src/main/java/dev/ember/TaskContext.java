package dev.ember;

import dev.ember.executor.TaskMetrics;
import java.util.function.Consumer;

/**
 * What a running task knows about itself. Inside a task, {@link #get()} returns the context of the task the
 * current thread runs; on the driver it returns {@code null}.
 *
 * <pre>{@code
 * rdd.mapPartitions(it -> { int p = TaskContext.get().partitionId(); ... });
 * }</pre>
 */
public abstract class TaskContext {

  private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

  /** The context of the task running on this thread, or {@code null} outside a task. */
  public static TaskContext get() {
    return CURRENT.get();
  }

  /** The partition this task computes, or -1 outside a task. */
  public static int getPartitionId() {
    TaskContext context = CURRENT.get();
    return context == null ? -1 : context.partitionId();
  }

  /** Makes {@code context} the current thread's task context; {@code null} clears it. For executors. */
  protected static void setCurrent(TaskContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }

  /** The id of the stage this task belongs to. */
  public abstract int stageId();

  /** Which attempt of the stage this is, starting at 0. */
  public abstract int stageAttemptNumber();

  /** The index of the partition this task computes. */
  public abstract int partitionId();

  /** Which attempt of this task this is, starting at 0. */
  public abstract int attemptNumber();

  /** An id unique to this task attempt within the application. */
  public abstract long taskAttemptId();

  /** Whether the task has been asked to stop (its job was cancelled or its stage no longer needs it). */
  public abstract boolean isInterrupted();

  /** Whether the task has finished, successfully or not. */
  public abstract boolean isCompleted();

  /** A local property set on the driver with {@code setLocalProperty} when the job was submitted. */
  public abstract String getLocalProperty(String key);

  /** The metrics this task is collecting. */
  public abstract TaskMetrics taskMetrics();

  /**
   * Registers {@code listener} to run when the task ends, successfully or not. Listeners run in reverse order
   * of registration, so resources are closed in the opposite order to their opening.
   */
  public abstract TaskContext addTaskCompletionListener(Consumer<TaskContext> listener);

  /** Throws {@link TaskKilledException} if the task has been asked to stop. Long loops call this. */
  public void killTaskIfInterrupted() {
    if (isInterrupted()) {
      throw new TaskKilledException("the task was asked to stop");
    }
  }
}
