package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * The columns of {@code child} without its last {@code hidden} ones: columns the analyzer added to a select
 * list only for HAVING or ORDER BY to read (such as {@code grouping_id()} over grouping sets). The analyzer
 * replaces it by a project once the child's columns are known.
 *
 * @param hidden how many trailing columns to drop
 * @param child the input
 */
public record UnresolvedDropHiddenColumns(int hidden, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new UnresolvedDropHiddenColumns(hidden, newChild);
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
    List<AttributeReference> all = child.output();
    return all.subList(0, all.size() - hidden);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String simpleString() {
    return "UnresolvedDropHiddenColumns " + hidden;
  }
}
