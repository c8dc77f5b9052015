package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code -child}.
 *
 * @param child the operand
 */
public record UnaryMinus(Expression child) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new UnaryMinus(c.get(0));
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public String sql() {
    return "(- " + child.sql() + ")";
  }
}
