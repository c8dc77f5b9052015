package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;

/**
 * A column of the input batch by position: what attributes become when a physical operator binds its
 * expressions to its child's output.
 *
 * @param ordinal the column index in the input
 * @param dataType its type
 * @param nullable whether it may hold nulls
 */
public record BoundReference(int ordinal, DataType dataType, boolean nullable) implements LeafExpression {

  @Override
  public String sql() {
    return "input[" + ordinal + "]";
  }
}
