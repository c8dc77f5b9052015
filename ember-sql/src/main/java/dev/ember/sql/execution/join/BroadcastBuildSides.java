package dev.ember.sql.execution.join;

import dev.ember.sql.execution.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The build sides a plan's broadcast joins collect on the driver when the plan builds its RDDs, innermost
 * first, for them to be collected ahead and at the same time ({@link dev.ember.sql.execution.BroadcastBuilds}).
 */
public final class BroadcastBuildSides {

  private BroadcastBuildSides() {}

  /** The build sides of the broadcast joins in {@code plan}, a join's nested ones before its own. */
  public static List<PhysicalPlan> of(PhysicalPlan plan) {
    List<PhysicalPlan> out = new ArrayList<>();
    collect(plan, out);
    return out;
  }

  private static void collect(PhysicalPlan plan, List<PhysicalPlan> out) {
    for (PhysicalPlan child : plan.children()) {
      collect(child, out);
    }
    if (plan instanceof BroadcastHashJoinExec || plan instanceof BroadcastNestedLoopJoinExec
        || plan instanceof BroadcastNullAwareAntiJoinExec) {
      out.add(((JoinExec) plan).buildSide());
    }
  }
}
