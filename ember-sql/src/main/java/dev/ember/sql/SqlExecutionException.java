package dev.ember.sql;

import dev.ember.EmberException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error while a query runs, caused by the data rather than by the query text: overflow, division by zero
 * or a malformed value in ANSI mode ({@code ARITHMETIC_OVERFLOW}, {@code DIVIDE_BY_ZERO},
 * {@code CAST_INVALID_INPUT}, ...), as Spark's {@code SparkArithmeticException} and friends. It is raised in
 * tasks and reaches the caller of the action unwrapped.
 */
public class SqlExecutionException extends EmberException {

  private static final long serialVersionUID = 1L;
  private final String sqlState;
  private final Map<String, String> messageParameters;

  /** An error of {@code condition} with its message filled from {@code parameters}. */
  public SqlExecutionException(String condition, Map<String, String> parameters) {
    super(condition, ErrorConditions.format(condition, parameters, -1, -1));
    this.sqlState = ErrorConditions.sqlState(condition);
    this.messageParameters = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(parameters)));
  }

  /** The error condition, e.g. {@code DIVIDE_BY_ZERO}. */
  public String getCondition() {
    return condition();
  }

  /** The five-character SQLSTATE. */
  public String getSqlState() {
    return sqlState;
  }

  /** The named parameters of the message template. */
  public Map<String, String> getMessageParameters() {
    return messageParameters;
  }

  /** The first SqlExecutionException in the cause chain of {@code error}, or null. */
  static SqlExecutionException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SqlExecutionException e) {
        return e;
      }
    }
    return null;
  }
}
