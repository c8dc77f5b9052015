package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code EXPLAIN [EXTENDED | FORMATTED] query}: a command whose result is one row holding the plan's text.
 *
 * @param child the query explained
 * @param mode {@code simple}, {@code extended} or {@code formatted}
 */
public record ExplainCommand(LogicalPlan child, String mode) implements UnaryNode {

  /** {@code EXPLAIN query}: the physical plan only. */
  public ExplainCommand(LogicalPlan child) {
    this(child, "simple");
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new ExplainCommand(newChild, mode);
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
