package dev.ember;

/** Thrown inside a task that was asked to stop; the scheduler does not count it as a failure. */
public final class TaskKilledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskKilledException(String reason) {
    super(reason);
  }
}
