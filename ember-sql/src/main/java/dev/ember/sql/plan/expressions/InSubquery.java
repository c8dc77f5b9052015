package dev.ember.sql.plan.expressions;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code value IN (query)}: true when the query returns the value; else NULL if the value is NULL or the
 * query returns a NULL; else false. {@code NOT IN} is its negation, so one NULL from the query makes
 * {@code x NOT IN (query)} NULL (never true) for every x it does not contain.
 *
 * @param value the tested value
 * @param plan the query, with one output column
 */
public record InSubquery(Expression value, LogicalPlan plan) implements SubqueryExpression {

  @Override
  public SubqueryExpression withNewPlan(LogicalPlan newPlan) {
    return new InSubquery(value, newPlan);
  }

  @Override
  public List<Expression> children() {
    return List.of(value);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new InSubquery(c.get(0), plan);
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean resolved() {
    return value.resolved() && plan.resolved();
  }

  @Override
  public String sql() {
    return "(" + value.sql() + " IN (listquery()))";
  }
}
