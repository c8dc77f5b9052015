package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * The distinct rows of {@code child} (NULLs equal to each other, as in GROUP BY).
 *
 * @param child the input
 */
public record Distinct(LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Distinct(newChild);
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
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Distinct";
  }
}
