package dev.ember.sql.optimizer;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Splitting and joining conjunctions, and where their columns come from, for the join rules. */
final class Predicates {

  private Predicates() {}

  /** The conjuncts of {@code condition}; none for null. */
  static List<Expression> conjuncts(Expression condition) {
    List<Expression> out = new ArrayList<>();
    if (condition instanceof And and) {
      out.addAll(conjuncts(and.left()));
      out.addAll(conjuncts(and.right()));
    } else if (condition != null) {
      out.add(condition);
    }
    return out;
  }

  /** The conjunction of {@code conjuncts}, or null when there are none. */
  static Expression and(List<Expression> conjuncts) {
    Expression result = null;
    for (Expression c : conjuncts) {
      result = result == null ? c : new And(result, c);
    }
    return result;
  }

  /** Whether every column {@code e} reads is produced by {@code plan} (and it reads at least one). */
  static boolean coveredBy(Expression e, LogicalPlan plan) {
    return !e.references().isEmpty() && new HashSet<>(plan.output()).containsAll(e.references());
  }

  /** Whether every column {@code e} reads is in {@code columns}. */
  static boolean coveredBy(Expression e, java.util.Collection<AttributeReference> columns) {
    return columns.containsAll(e.references());
  }

  /**
   * Whether {@code e} holds a subquery that is not a constant: an IN or EXISTS subquery, or a correlated one,
   * whose columns {@link Expression#references()} does not show. An uncorrelated scalar subquery is a value
   * computed once, so predicates holding it move like any other.
   */
  static boolean hasSubquery(Expression e) {
    return e.exists(x -> x instanceof SubqueryExpression s && !(s instanceof ScalarSubquery && !s.correlated()));
  }
}
