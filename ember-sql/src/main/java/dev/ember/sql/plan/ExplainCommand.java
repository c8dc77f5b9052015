package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code EXPLAIN query}: a command whose result is one row holding the physical plan's text.
 *
 * @param child the query explained
 */
public record ExplainCommand(LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new ExplainCommand(newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return List.of();
  }

  @Override
  public String simpleString() {
    return "ExplainCommand";
  }
}
