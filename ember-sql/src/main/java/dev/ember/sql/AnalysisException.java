package dev.ember.sql;

import dev.ember.EmberException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A query that cannot be parsed or analyzed: an error of the user, not of Ember. It carries Spark's error
 * condition name (e.g. {@code UNRESOLVED_COLUMN.WITH_SUGGESTION}), the SQLSTATE, the message parameters and,
 * when the error has one, the position in the query text (line from 1, position from 0 as in Spark).
 */
public class AnalysisException extends EmberException {

  private static final long serialVersionUID = 1L;
  private final String sqlState;
  private final Map<String, String> messageParameters;
  private final int line;
  private final int startPosition;

  /**
   * An error of {@code condition} with its message filled from {@code parameters}.
   *
   * @param line the line of the offending text (from 1), or -1 when unknown
   * @param startPosition its position in the line (from 0), or -1 when unknown
   * @param context extra text appended after the message (such as the {@code == SQL ==} snippet), or ""
   */
  public AnalysisException(String condition, Map<String, String> parameters, int line, int startPosition,
      String context) {
    super(condition, ErrorConditions.format(condition, parameters, line, startPosition) + context);
    this.sqlState = ErrorConditions.sqlState(condition);
    this.messageParameters = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(parameters)));
    this.line = line;
    this.startPosition = startPosition;
  }

  /** An error without a position. */
  public AnalysisException(String condition, Map<String, String> parameters) {
    this(condition, parameters, -1, -1, "");
  }

  /** An {@code UNSUPPORTED_FEATURE} error naming {@code feature}. */
  public static AnalysisException unsupported(String feature) {
    return new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", feature));
  }

  /** The error condition, e.g. {@code TABLE_OR_VIEW_NOT_FOUND} (Spark's {@code getCondition()}). */
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

  /** The line of the offending text (from 1), if known. */
  public OptionalInt line() {
    return line < 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** The position of the offending text in its line (from 0), if known. */
  public OptionalInt startPosition() {
    return startPosition < 0 ? OptionalInt.empty() : OptionalInt.of(startPosition);
  }
}
