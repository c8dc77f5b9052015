package dev.ember.sql;

import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops the joins a built runtime filter already did ({@link RuntimeFilterExecution}). A runtime filter placed for a
 * join's key, traced unchanged to a scan below the join's left side, keeps only rows whose key is among the keys of
 * the join's right side; when the filter is exact (a bitmap or a set of the values, not a Bloom filter), every row
 * reaching the join has a partner. A left semi join on that one key then keeps every row: it is its left side. An
 * inner join whose right side produces only that key, each key once, adds to each row the one partner equal to its
 * key: it is its left side with the key repeated under the right side's name.
 */
final class RedundantJoins {

  private RedundantJoins() {}

  /** {@code plan} without the joins its built filters did, judged by {@code built} and {@code sides}. */
  static LogicalPlan remove(LogicalPlan plan, Map<RuntimeFilter, Expression> built, CreationSides sides) {
    return plan.transformUp(node -> node instanceof Join join ? replacement(join, built, sides) : node);
  }

  private static LogicalPlan replacement(Join join, Map<RuntimeFilter, Expression> built, CreationSides sides) {
    JoinType type = join.joinType();
    if (type != JoinType.INNER && type != JoinType.LEFT_SEMI || !join.hint().isEmpty()
        || !(join.condition() instanceof BinaryComparison equal) || equal.operator() != ComparisonOperator.EQUAL
        || !(equal.left() instanceof AttributeReference a) || !(equal.right() instanceof AttributeReference b)) {
      return join;
    }
    boolean leftFirst = join.left().output().contains(a) && join.right().output().contains(b);
    boolean rightFirst = join.left().output().contains(b) && join.right().output().contains(a);
    if (!leftFirst && !rightFirst) {
      return join;
    }
    AttributeReference leftKey = leftFirst ? a : b;
    AttributeReference rightKey = leftFirst ? b : a;
    RuntimeFilter filter = exactFilter(join.left(), leftKey, join.right(), rightKey, built);
    if (filter == null) {
      return join;
    }
    if (type == JoinType.LEFT_SEMI) {
      return join.left();
    }
    CreationSides.Keys keys = sides.ranKeys(filter);
    if (!join.right().output().equals(List.of(rightKey)) || keys == null || keys.filter() == null
        || keys.keys() != keys.filter().keyCount()) {
      return join;
    }
    List<Expression> projectList = new ArrayList<>(join.left().output());
    projectList.add(new Alias(leftKey, rightKey.name(), rightKey.exprId()));
    return new Project(projectList, join.left());
  }

  /**
   * The runtime filter on {@code key} itself whose creation side is {@code right} (or its projection onto
   * {@code rightKey}) by that key, built exact, found on {@code key}'s way down from {@code node} to its scan
   * through the nodes that keep its rows as they are (filters, projections keeping it, grouping by it, the sides
   * of joins that never pad it with NULLs); {@code null} if there is none. A filter off that way, under an outer
   * join's padded side, would not hold for every row reaching the join.
   */
  private static RuntimeFilter exactFilter(LogicalPlan node, AttributeReference key, LogicalPlan right,
      AttributeReference rightKey, Map<RuntimeFilter, Expression> built) {
    List<Expression> expressions = new ArrayList<>(node.expressions());
    if (node instanceof PushableScan scan) {
      expressions.addAll(scan.pushedFilters());
    }
    for (Expression expression : expressions) {
      RuntimeFilter[] found = {null};
      expression.exists(e -> {
        if (found[0] == null && e instanceof RuntimeFilter filter && filter.child().equals(key)
            && creates(right, rightKey, filter.creationPlan(), filter.creationKey())
            && built.get(filter) instanceof RuntimeFilterPredicate predicate && predicate.filter().exact()) {
          found[0] = filter;
        }
        return false;
      });
      if (found[0] != null) {
        return found[0];
      }
    }
    LogicalPlan below = below(node, key);
    return below == null ? null : exactFilter(below, key, right, rightKey, built);
  }

  /** The child {@code key} comes from unchanged with every row that has it, or {@code null}. */
  private static LogicalPlan below(LogicalPlan node, AttributeReference key) {
    if (node instanceof Filter filter) {
      return filter.child();
    }
    if (node instanceof Project project) {
      return project.projectList().contains(key) ? project.child() : null;
    }
    if (node instanceof Aggregate aggregate) {
      return aggregate.grouping().contains(key) ? aggregate.child() : null;
    }
    if (node instanceof Join join) {
      JoinType type = join.joinType();
      if (join.left().output().contains(key)) {
        return type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER ? null : join.left();
      }
      return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER ? join.right() : null;
    }
    return null;
  }

  /**
   * Whether {@code side}, joined by {@code sideKey}, is {@code creation} joined by {@code creationKey}, or
   * {@code creation} projected onto that key alone (as itself or renamed to {@code sideKey}).
   */
  private static boolean creates(LogicalPlan side, AttributeReference sideKey, LogicalPlan creation,
      AttributeReference creationKey) {
    if (side.equals(creation)) {
      return sideKey.equals(creationKey);
    }
    if (!(side instanceof Project project) || !project.child().equals(creation)
        || project.projectList().size() != 1) {
      return false;
    }
    Expression only = project.projectList().get(0);
    return only.equals(creationKey) && sideKey.equals(creationKey) || only instanceof Alias alias
        && alias.child().equals(creationKey) && alias.exprId() == sideKey.exprId();
  }
}
