package dev.ember.sql.sources;

import dev.ember.sql.execution.PhysicalPlan;

/** Finds operators in physical plans, for tests that check what a scan or filter did. */
final class PlanNodes {

  private PlanNodes() {
  }

  /** The first operator of {@code type} in {@code plan}, depth first, or null. */
  static <T extends PhysicalPlan> T find(PhysicalPlan plan, Class<T> type) {
    if (type.isInstance(plan)) {
      return type.cast(plan);
    }
    for (PhysicalPlan child : plan.children()) {
      T found = find(child, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
