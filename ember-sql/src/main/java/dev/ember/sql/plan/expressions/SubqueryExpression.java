package dev.ember.sql.plan.expressions;

import dev.ember.sql.plan.LogicalPlan;

/** An expression holding a query: scalar subqueries, EXISTS and IN (subquery). */
public interface SubqueryExpression extends Expression {

  /** The subquery. */
  LogicalPlan plan();

  /** This expression over another subquery plan. */
  SubqueryExpression withNewPlan(LogicalPlan newPlan);

  /** Whether the subquery reads columns of the enclosing query. */
  default boolean correlated() {
    return containsOuterReference(plan());
  }

  /**
   * Whether {@code plan} reads a column of its enclosing query. Subqueries nested in it are not looked into:
   * their outer references name columns of {@code plan} itself.
   */
  static boolean containsOuterReference(LogicalPlan plan) {
    for (Expression e : plan.expressions()) {
      if (e.exists(x -> x instanceof OuterReference)) {
        return true;
      }
    }
    for (LogicalPlan child : plan.children()) {
      if (containsOuterReference(child)) {
        return true;
      }
    }
    return false;
  }
}
