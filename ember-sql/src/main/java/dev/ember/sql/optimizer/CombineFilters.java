package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;

/** Merges a filter directly above another into one filter with both conditions ANDed (inner first). */
final class CombineFilters implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter outer && outer.child() instanceof Filter inner) {
        return new Filter(new And(inner.condition(), outer.condition()), inner.child());
      }
      return node;
    });
  }
}
