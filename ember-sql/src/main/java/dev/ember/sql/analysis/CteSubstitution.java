package dev.ember.sql.analysis;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.SubqueryColumnAliases;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.UnresolvedWith;
import dev.ember.sql.plan.CteDefinition;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces references to common table expressions by their queries before anything is resolved, as
 * Spark's CTESubstitution does (inlining). A CTE is visible to the definitions after it and to the query
 * of its {@code WITH}; an inner {@code WITH} shadows an outer one, and any CTE shadows a temporary view of
 * the same name. A definition does not see itself: {@code WITH t AS (SELECT * FROM t)} reads the outer
 * {@code t}, or fails with TABLE_OR_VIEW_NOT_FOUND, as in Spark without {@code RECURSIVE}.
 *
 * <p>A CTE referenced twice is inlined twice; each copy gets fresh expression ids for its aliases so the
 * copies' columns stay distinct (e.g. when they are joined).
 */
final class CteSubstitution {

  private CteSubstitution() {}

  /** {@code plan} without {@link UnresolvedWith} nodes. */
  static LogicalPlan apply(LogicalPlan plan) {
    return substitute(plan, Map.of());
  }

  private static LogicalPlan substitute(LogicalPlan plan, Map<String, LogicalPlan> scope) {
    if (plan instanceof UnresolvedWith with) {
      Map<String, LogicalPlan> inner = new HashMap<>(scope);
      for (CteDefinition definition : with.definitions()) {
        LogicalPlan body = substitute(definition.query(), inner);
        if (!definition.columnNames().isEmpty()) {
          body = new SubqueryColumnAliases(definition.columnNames(), body);
        }
        inner.put(definition.name().toLowerCase(Locale.ROOT), body);
      }
      return substitute(with.child(), inner);
    }
    if (plan instanceof UnresolvedRelation relation && relation.nameParts().size() == 1) {
      String name = relation.nameParts().get(0);
      LogicalPlan body = scope.get(name.toLowerCase(Locale.ROOT));
      return body == null ? plan : new SubqueryAlias(name, withFreshAliases(body));
    }
    List<LogicalPlan> children = plan.children();
    if (children.isEmpty()) {
      return substituteInSubqueries(plan, scope);
    }
    List<LogicalPlan> rewritten = new ArrayList<>(children.size());
    boolean changed = false;
    for (LogicalPlan child : children) {
      LogicalPlan next = substitute(child, scope);
      changed |= next != child;
      rewritten.add(next);
    }
    return substituteInSubqueries(changed ? plan.withNewChildren(rewritten) : plan, scope);
  }

  /** {@code plan} with the CTEs in scope (and the subqueries' own) substituted in its subquery expressions. */
  private static LogicalPlan substituteInSubqueries(LogicalPlan plan, Map<String, LogicalPlan> scope) {
    List<Expression> expressions = plan.expressions();
    List<Expression> rewritten = new ArrayList<>(expressions.size());
    boolean changed = false;
    for (Expression e : expressions) {
      Expression next = e.transformUp(x -> {
        if (x instanceof SubqueryExpression subquery) {
          LogicalPlan substituted = substitute(subquery.plan(), scope);
          return substituted == subquery.plan() ? x : subquery.withNewPlan(substituted);
        }
        return x;
      });
      changed |= next != e;
      rewritten.add(next);
    }
    return changed ? plan.withNewExpressions(rewritten) : plan;
  }

  private static LogicalPlan withFreshAliases(LogicalPlan plan) {
    return plan.transformAllExpressions(e -> e instanceof Alias alias ? new Alias(alias.child(), alias.name()) : e);
  }
}
