package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code HAVING condition} over an aggregate, before the analyzer rewrites it into a filter (its condition
 * may name aggregate functions that the aggregate must compute too).
 *
 * @param condition the predicate
 * @param child the aggregate
 */
public record UnresolvedHaving(Expression condition, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new UnresolvedHaving(condition, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(condition);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new UnresolvedHaving(e.get(0), child);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "'UnresolvedHaving " + condition;
  }
}
