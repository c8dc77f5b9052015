package dev.ember.sql.plan.expressions;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.types.DataType;

/**
 * {@code (SELECT one_value ...)} used as a value: NULL when the query returns no row, an error when it returns
 * more than one. Uncorrelated ones run once before the outer query and become literals; correlated ones are
 * rewritten into joins by the optimizer.
 *
 * @param plan the query, with exactly one output column
 * @param origin where it appears in the query text
 */
public record ScalarSubquery(LogicalPlan plan, Origin origin) implements SubqueryExpression, LeafExpression {

  @Override
  public SubqueryExpression withNewPlan(LogicalPlan newPlan) {
    return new ScalarSubquery(newPlan, origin);
  }

  @Override
  public DataType dataType() {
    return plan.output().get(0).dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean resolved() {
    return plan.resolved();
  }

  @Override
  public String sql() {
    return "scalarsubquery()";
  }
}
