package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * The first {@code limit} rows of {@code child}.
 *
 * @param limit a constant, non-negative integer expression
 * @param child the input
 */
public record Limit(Expression limit, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Limit(limit, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(limit);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new Limit(e.get(0), child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Limit " + limit.sql();
  }
}
