package dev.ember.sql.optimizer;

import dev.ember.sql.plan.LogicalPlan;

/** One rewrite of logical plans that keeps their meaning and output. Returns its input when it does not apply. */
public interface Rule {

  /** The rule's name, as {@code ember.sql.optimizer.excludedRules} names it. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** The rewritten plan, or {@code plan} itself when nothing changed. */
  LogicalPlan apply(LogicalPlan plan);
}
