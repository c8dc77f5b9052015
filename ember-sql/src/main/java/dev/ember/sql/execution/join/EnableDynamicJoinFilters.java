package dev.ember.sql.execution.join;

import dev.ember.sql.execution.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets every broadcast hash join of a physical plan filter its stream side's file scan by the build keys it
 * collects ({@link BroadcastHashJoinExec#withDynamicFilter}), with {@code ember.sql.adaptive.runtimeFilter.enabled}.
 * Joins made broadcasts at run time filter through the adaptive join instead, which holds the build side first.
 */
public final class EnableDynamicJoinFilters {

  private EnableDynamicJoinFilters() {}

  /** {@code plan} with its broadcast hash joins filtering their stream sides at run time, when {@code enabled}. */
  public static PhysicalPlan apply(PhysicalPlan plan, boolean enabled) {
    return enabled ? rewrite(plan) : plan;
  }

  private static PhysicalPlan rewrite(PhysicalPlan node) {
    List<PhysicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (PhysicalPlan child : node.children()) {
      PhysicalPlan rewritten = rewrite(child);
      changed |= rewritten != child;
      children.add(rewritten);
    }
    PhysicalPlan result = changed ? node.withNewChildren(children) : node;
    return result instanceof BroadcastHashJoinExec join ? join.withDynamicFilter(true) : result;
  }
}
