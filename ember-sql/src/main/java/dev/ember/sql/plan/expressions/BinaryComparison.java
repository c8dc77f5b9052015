package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code left op right}; NULL when either side is NULL (except {@code <=>}). The analyzer casts both sides to
 * one type first.
 *
 * @param operator the operator
 * @param left the left operand
 * @param right the right operand
 */
public record BinaryComparison(ComparisonOperator operator, Expression left, Expression right)
    implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new BinaryComparison(operator, c.get(0), c.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return operator != ComparisonOperator.NULL_SAFE_EQUAL;
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
