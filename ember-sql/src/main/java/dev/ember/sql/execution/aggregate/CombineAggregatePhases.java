package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs once the exchanges are in place: a final hash aggregation whose partial phase is its direct child (the
 * input already clustered by the keys, so no exchange was added between them) becomes one COMPLETE
 * aggregation, grouping the input rows once instead of grouping them and then merging one partial row per group.
 */
public final class CombineAggregatePhases {

  private CombineAggregatePhases() {}

  /** {@code plan} with every such pair of phases combined. */
  public static PhysicalPlan apply(PhysicalPlan plan) {
    List<PhysicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (PhysicalPlan child : plan.children()) {
      PhysicalPlan applied = apply(child);
      children.add(applied);
      changed |= applied != child;
    }
    PhysicalPlan current = changed ? plan.withNewChildren(children) : plan;
    if (current instanceof HashAggregateExec aggregate) {
      return aggregate.completeOverPartial().map(PhysicalPlan.class::cast).orElse(current);
    }
    return current;
  }
}
