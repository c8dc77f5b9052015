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

  /** Whether {@code plan} or a subquery nested in its expressions reads an outer column. */
  static boolean containsOuterReference(LogicalPlan plan) {
    for (Expression e : plan.expressions()) {
      if (e.exists(x -> x instanceof OuterReference
          || x instanceof SubqueryExpression s && containsOuterReference(s.plan()))) {
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
