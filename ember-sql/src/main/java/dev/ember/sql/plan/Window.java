package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes window expressions that share one partitioning and ordering: the output is the child's columns
 * followed by one column per window expression, as Spark's Window operator. The analyzer builds it from
 * select lists (see ExtractWindowExpressions in Spark); partition and order keys are attributes of the child.
 *
 * @param windowExpressions aliases of {@code WindowExpression}s, all over {@code partitionSpec} and
 *     {@code orderSpec}
 * @param partitionSpec the partitioning
 * @param orderSpec the order within a partition
 * @param child the input
 */
public record Window(List<Expression> windowExpressions, List<Expression> partitionSpec, List<SortOrder> orderSpec,
    LogicalPlan child) implements UnaryNode {

  /** Copies the lists. */
  public Window {
    windowExpressions = List.copyOf(windowExpressions);
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Window(windowExpressions, partitionSpec, orderSpec, newChild);
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(windowExpressions);
    all.addAll(partitionSpec);
    all.addAll(orderSpec);
    return all;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    int w = windowExpressions.size();
    int p = partitionSpec.size();
    List<SortOrder> order = new ArrayList<>();
    for (Expression key : e.subList(w + p, e.size())) {
      order.add((SortOrder) key);
    }
    return new Window(e.subList(0, w), e.subList(w, w + p), order, child);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(child.output());
    out.addAll(Project.toAttributes(windowExpressions));
    return out;
  }

  @Override
  public String simpleString() {
    return "Window " + TreeStrings.list(windowExpressions) + ", " + TreeStrings.list(partitionSpec) + ", "
        + TreeStrings.list(orderSpec);
  }
}
