package dev.ember.sql.plan.expressions;

/** The comparison operators, with their SQL symbols. */
public enum ComparisonOperator {
  /** {@code =}. */
  EQUAL("="),
  /** {@code <=>}: equal, with NULL equal to NULL and never a NULL result. */
  NULL_SAFE_EQUAL("<=>"),
  /** {@code <>}/{@code !=}; Spark prints it as NOT(a = b), we keep one node. */
  NOT_EQUAL("!="),
  /** {@code <}. */
  LESS_THAN("<"),
  /** {@code <=}. */
  LESS_THAN_OR_EQUAL("<="),
  /** {@code >}. */
  GREATER_THAN(">"),
  /** {@code >=}. */
  GREATER_THAN_OR_EQUAL(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The SQL symbol. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code compare(a, b)} satisfies the operator. */
  public boolean test(int compare) {
    return switch (this) {
      case EQUAL, NULL_SAFE_EQUAL -> compare == 0;
      case NOT_EQUAL -> compare != 0;
      case LESS_THAN -> compare < 0;
      case LESS_THAN_OR_EQUAL -> compare <= 0;
      case GREATER_THAN -> compare > 0;
      case GREATER_THAN_OR_EQUAL -> compare >= 0;
    };
  }
}
