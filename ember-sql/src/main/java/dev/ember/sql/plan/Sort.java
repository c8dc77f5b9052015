package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code child} ordered by {@code order}; across all partitions when {@code global}.
 *
 * @param order the sort keys, most significant first
 * @param global whether the order is total (ORDER BY) rather than per partition
 * @param child the input
 */
public record Sort(List<SortOrder> order, boolean global, LogicalPlan child) implements UnaryNode {

  /** Copies the keys. */
  public Sort {
    order = List.copyOf(order);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Sort(order, global, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return new ArrayList<>(order);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    List<SortOrder> keys = new ArrayList<>(e.size());
    for (Expression key : e) {
      keys.add((SortOrder) key);
    }
    return new Sort(keys, global, child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Sort " + TreeStrings.list(order) + ", " + global;
  }
}
