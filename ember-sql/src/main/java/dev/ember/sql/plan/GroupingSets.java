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

  /** ROLLUP: (c1..cn), (c1..cn-1), ..., (); each ci may itself be several columns. */
  public static List<List<Expression>> rollup(List<List<Expression>> columns) {
    List<List<Expression>> sets = new ArrayList<>();
    for (int n = columns.size(); n >= 0; n--) {
      List<Expression> set = new ArrayList<>();
      for (List<Expression> c : columns.subList(0, n)) {
        set.addAll(c);
      }
      sets.add(set);
    }
    return sets;
  }

  /** CUBE: every subset of the columns, in Spark's order: CUBE(a, b) is (a, b), (a), (b), (). */
  public static List<List<Expression>> cube(List<List<Expression>> columns) {
    if (columns.isEmpty()) {
      List<List<Expression>> empty = new ArrayList<>();
      empty.add(List.of());
      return empty;
    }
    List<List<Expression>> rest = cube(columns.subList(1, columns.size()));
    List<List<Expression>> sets = new ArrayList<>();
    for (List<Expression> r : rest) {
      List<Expression> with = new ArrayList<>(columns.get(0));
      with.addAll(r);
      sets.add(with);
    }
    sets.addAll(rest);
    return sets;
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
