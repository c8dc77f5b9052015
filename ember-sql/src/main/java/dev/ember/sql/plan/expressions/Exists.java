package dev.ember.sql.plan.expressions;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;

/**
 * {@code EXISTS (query)}: whether the query returns a row; never NULL.
 *
 * @param plan the query
 */
public record Exists(LogicalPlan plan) implements SubqueryExpression, LeafExpression {

  @Override
  public SubqueryExpression withNewPlan(LogicalPlan newPlan) {
    return new Exists(newPlan);
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public boolean resolved() {
    return plan.resolved();
  }

  @Override
  public String sql() {
    return "exists()";
  }
}
