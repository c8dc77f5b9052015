package dev.ember.sql.optimizer;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.SubqueryAlias;

/** Removes SubqueryAlias nodes: once names are resolved, aliases only matter for error messages. */
final class EliminateSubqueryAliases implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof SubqueryAlias alias ? alias.child() : node);
  }
}
