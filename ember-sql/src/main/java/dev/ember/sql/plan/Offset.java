package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * The rows of {@code child} after the first {@code offset} ({@code OFFSET m}); under a {@code LIMIT n} the
 * limit applies to what is left, as in Spark.
 *
 * @param offset a constant, non-negative integer expression
 * @param child the input
 */
public record Offset(Expression offset, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Offset(offset, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(offset);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new Offset(e.get(0), child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Offset " + offset.sql();
  }
}
