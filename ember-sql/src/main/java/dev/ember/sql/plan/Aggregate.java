package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GROUP BY grouping} producing {@code aggregates} (named expressions over grouping expressions and
 * aggregate functions). No grouping means one group over all rows.
 *
 * @param grouping the grouping expressions
 * @param aggregates the output list
 * @param child the input
 */
public record Aggregate(List<Expression> grouping, List<Expression> aggregates, LogicalPlan child)
    implements UnaryNode {

  /** Copies the lists. */
  public Aggregate {
    grouping = List.copyOf(grouping);
    aggregates = List.copyOf(aggregates);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Aggregate(grouping, aggregates, newChild);
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(grouping);
    all.addAll(aggregates);
    return all;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    int n = grouping.size();
    return new Aggregate(e.subList(0, n), e.subList(n, e.size()), child);
  }

  @Override
  public List<AttributeReference> output() {
    return Project.toAttributes(aggregates);
  }

  @Override
  public String simpleString() {
    return "Aggregate " + TreeStrings.list(grouping) + ", " + TreeStrings.list(aggregates);
  }
}
