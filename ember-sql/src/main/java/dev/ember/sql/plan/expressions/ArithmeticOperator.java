package dev.ember.sql.plan.expressions;

/** The binary arithmetic operators, with their SQL symbols. */
public enum ArithmeticOperator {
  /** {@code +}. */
  ADD("+"),
  /** {@code -}. */
  SUBTRACT("-"),
  /** {@code *}. */
  MULTIPLY("*"),
  /** {@code /}: always fractional, as in Spark. */
  DIVIDE("/"),
  /** {@code %}. */
  REMAINDER("%");

  private final String symbol;

  ArithmeticOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The SQL symbol. */
  public String symbol() {
    return symbol;
  }
}
