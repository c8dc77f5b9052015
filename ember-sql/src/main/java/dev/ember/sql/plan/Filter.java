package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * The rows of {@code child} for which {@code condition} is true (not false, not NULL).
 *
 * @param condition the predicate
 * @param child the input
 */
public record Filter(Expression condition, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Filter(condition, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(condition);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new Filter(e.get(0), child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Filter " + TreeStrings.expr(condition);
  }
}
