package dev.ember;

/**
 * An error Ember reports to its user. Every such error has a stable condition name in UPPER_SNAKE case
 * (for example {@code TASK_NOT_SERIALIZABLE}), which tests and programs can match on, and a message that says
 * what went wrong and what to do.
 */
public class EmberException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String condition;

  public EmberException(String condition, String message) {
    this(condition, message, null);
  }

  public EmberException(String condition, String message, Throwable cause) {
    super("[" + condition + "] " + message, cause);
    this.condition = condition;
  }

  /** The stable name of the error condition. */
  public String condition() {
    return condition;
  }
}
