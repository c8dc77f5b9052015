package dev.ember.sql.analysis;

import dev.ember.sql.plan.GroupingSets;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.UnresolvedDropHiddenColumns;
import dev.ember.sql.plan.UnresolvedHaving;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code grouping(col)} and {@code grouping_id()} in the HAVING or ORDER BY of a grouping-sets query are
 * columns of each grouping set, which only the aggregation can compute: before resolution they are added to
 * the select list as hidden columns, HAVING and ORDER BY read those, and the hidden columns are dropped on
 * top, as Spark resolves them against the aggregate.
 */
final class GroupingCallsLifting {

  private static final String PREFIX = "__grouping_";

  private GroupingCallsLifting() {}

  static LogicalPlan apply(LogicalPlan plan) {
    if (plan instanceof Sort sort) {
      LogicalPlan below = sort.child();
      UnresolvedHaving having = below instanceof UnresolvedHaving h && h.child() instanceof GroupingSets ? h : null;
      GroupingSets sets = having != null ? (GroupingSets) having.child()
          : below instanceof GroupingSets g ? g : null;
      if (sets != null) {
        Calls calls = new Calls();
        List<SortOrder> order = new ArrayList<>();
        for (SortOrder key : sort.order()) {
          order.add((SortOrder) calls.replace(key));
        }
        Expression condition = having == null ? null : calls.replace(having.condition());
        if (!calls.found.isEmpty()) {
          GroupingSets lifted = calls.addTo(sets, apply(sets.child()));
          LogicalPlan newBelow = having == null ? lifted : new UnresolvedHaving(condition, lifted);
          return new UnresolvedDropHiddenColumns(calls.found.size(), new Sort(order, sort.global(), newBelow));
        }
      }
    }
    if (plan instanceof UnresolvedHaving having && having.child() instanceof GroupingSets sets) {
      Calls calls = new Calls();
      Expression condition = calls.replace(having.condition());
      if (!calls.found.isEmpty()) {
        return new UnresolvedDropHiddenColumns(calls.found.size(),
            new UnresolvedHaving(condition, calls.addTo(sets, apply(sets.child()))));
      }
    }
    List<LogicalPlan> children = plan.children();
    if (children.isEmpty()) {
      return plan;
    }
    List<LogicalPlan> rewritten = new ArrayList<>();
    boolean changed = false;
    for (LogicalPlan child : children) {
      LogicalPlan next = apply(child);
      changed |= next != child;
      rewritten.add(next);
    }
    return changed ? plan.withNewChildren(rewritten) : plan;
  }

  /** The grouping calls found, each replaced by a reference to its hidden column. */
  private static final class Calls {
    private final List<Expression> found = new ArrayList<>();

    Expression replace(Expression e) {
      return e.transformUp(node -> {
        if (node instanceof UnresolvedFunction f && isGroupingCall(f)) {
          found.add(f);
          return new UnresolvedAttribute(List.of(PREFIX + (found.size() - 1)), Origin.NONE);
        }
        return node;
      });
    }

    GroupingSets addTo(GroupingSets sets, LogicalPlan child) {
      List<Expression> list = new ArrayList<>(sets.aggregates());
      for (int i = 0; i < found.size(); i++) {
        list.add(new Alias(found.get(i), PREFIX + i));
      }
      return new GroupingSets(sets.sets(), list, child);
    }
  }

  private static boolean isGroupingCall(UnresolvedFunction f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    return name.equals("grouping") || name.equals("grouping_id");
  }
}
