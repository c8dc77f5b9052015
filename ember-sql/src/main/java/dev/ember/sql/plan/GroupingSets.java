package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GROUP BY GROUPING SETS (...)} (also what ROLLUP and CUBE stand for): one aggregation per grouping
 * set, their rows together, with the columns a set does not group by NULL. Unresolved only: the analyzer
 * rewrites it into an {@link Aggregate} over an {@link Expand}, as Spark's ResolveGroupingAnalytics does.
 *
 * @param sets the grouping sets, each a list of expressions
 * @param aggregates the select list (may use {@code grouping(col)} and {@code grouping_id()})
 * @param child the input
 */
public record GroupingSets(List<List<Expression>> sets, List<Expression> aggregates, LogicalPlan child)
    implements UnaryNode {

  /** Copies the lists. */
  public GroupingSets {
    sets = sets.stream().map(List::copyOf).toList();
    aggregates = List.copyOf(aggregates);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new GroupingSets(sets, aggregates, newChild);
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>();
    sets.forEach(all::addAll);
    all.addAll(aggregates);
    return all;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    List<List<Expression>> newSets = new ArrayList<>();
    int i = 0;
    for (List<Expression> set : sets) {
      newSets.add(e.subList(i, i + set.size()));
      i += set.size();
    }
    return new GroupingSets(newSets, e.subList(i, e.size()), child);
  }

  @Override
  public List<AttributeReference> output() {
    return Project.toAttributes(aggregates);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String simpleString() {
    return "GroupingSets " + sets + ", " + TreeStrings.list(aggregates);
  }
}
