package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code left op right} for numbers. The analyzer casts both sides to one type first; the result has that
 * type, except for division, which is double. Overflow wraps and division by zero gives NULL, as in Spark's
 * default (non-ANSI) mode.
 *
 * @param operator the operator
 * @param left the left operand
 * @param right the right operand
 */
public record BinaryArithmetic(ArithmeticOperator operator, Expression left, Expression right)
    implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new BinaryArithmetic(operator, c.get(0), c.get(1));
  }

  @Override
  public DataType dataType() {
    return operator == ArithmeticOperator.DIVIDE ? DataTypes.DoubleType : left.dataType();
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
