package dev.ember.scheduler;

/** The states a task attempt reports as it runs. */
public enum TaskState {
  LAUNCHING, RUNNING, FINISHED, FAILED, KILLED, LOST;

  /** Whether the attempt has ended. */
  public boolean isFinished() {
    return this == FINISHED || this == FAILED || this == KILLED || this == LOST;
  }
}
