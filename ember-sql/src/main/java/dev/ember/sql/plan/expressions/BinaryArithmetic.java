package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.List;

/**
 * {@code left op right} for numbers. The analyzer casts both sides to one type first; the result has that
 * type, except for division of non-decimals, which is double, and decimals, whose result precision and scale
 * follow Spark's rules ({@link #decimalResultType}). In Spark's default (non-ANSI) mode integer overflow
 * wraps, decimal overflow and division by zero give NULL; with {@code ansi} they fail the query.
 *
 * @param operator the operator
 * @param left the left operand
 * @param right the right operand
 * @param ansi whether overflow and division by zero are errors
 */
public record BinaryArithmetic(ArithmeticOperator operator, Expression left, Expression right, boolean ansi)
    implements Expression {

  /** A non-ANSI operation; the analyzer sets the session's mode. */
  public BinaryArithmetic(ArithmeticOperator operator, Expression left, Expression right) {
    this(operator, left, right, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new BinaryArithmetic(operator, c.get(0), c.get(1), ansi);
  }

  @Override
  public DataType dataType() {
    if (left.dataType() instanceof DecimalType l && right.dataType() instanceof DecimalType r) {
      return decimalResultType(operator, l, r);
    }
    return operator == ArithmeticOperator.DIVIDE ? DataTypes.DoubleType : left.dataType();
  }

  /**
   * Spark's result type of {@code l op r} for decimals (with allowPrecisionLoss): the exact result's
   * precision and scale, reduced to at most 38 digits keeping at least 6 after the point.
   */
  public static DecimalType decimalResultType(ArithmeticOperator op, DecimalType l, DecimalType r) {
    int p1 = l.precision();
    int s1 = l.scale();
    int p2 = r.precision();
    int s2 = r.scale();
    return switch (op) {
      case ADD, SUBTRACT -> {
        int scale = Math.max(s1, s2);
        yield DecimalType.adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
      }
      case MULTIPLY -> DecimalType.adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
      case DIVIDE -> {
        int scale = Math.max(DecimalType.MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
        yield DecimalType.adjustPrecisionScale(p1 - s1 + s2 + scale, scale);
      }
      case REMAINDER -> {
        int scale = Math.max(s1, s2);
        yield DecimalType.adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + scale, scale);
      }
    };
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return left.foldable() && right.foldable();
  }

  @Override
  public String sql() {
    return "(" + left.sql() + " " + operator.symbol() + " " + right.sql() + ")";
  }
}
