package dev.ember.rdd;

/**
 * Carries a checked exception thrown by a user's function out of an iterator. Runtime exceptions are not
 * wrapped, so a task fails with exactly what the user's code threw.
 */
public final class UserFunctionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private UserFunctionException(Exception cause) {
    super(cause.toString(), cause);
  }

  /** {@code e} itself if it is unchecked; otherwise a wrapper whose cause is {@code e}. */
  public static RuntimeException wrap(Exception e) {
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new UserFunctionException(e);
  }
}
