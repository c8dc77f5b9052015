package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] TEMPORARY VIEW name AS query}: a command run by the session, not a query.
 *
 * @param name the view name
 * @param replace whether an existing view may be replaced
 * @param child the view's query
 */
public record CreateTempView(String name, boolean replace, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new CreateTempView(name, replace, newChild);
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
    return "CreateTempView `" + name + "`, replace=" + replace;
  }
}
