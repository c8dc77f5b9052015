package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code dropDuplicates(cols...)}: one row for each distinct combination of the key columns (the first met),
 * with every column kept.
 *
 * @param keys the key columns
 * @param child the input
 */
public record Deduplicate(List<Expression> keys, LogicalPlan child) implements ChildScopedNode {

  /** Copies the keys. */
  public Deduplicate {
    keys = List.copyOf(keys);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Deduplicate(keys, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return keys;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return new Deduplicate(newExpressions, child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Deduplicate " + TreeStrings.list(keys);
  }
}
