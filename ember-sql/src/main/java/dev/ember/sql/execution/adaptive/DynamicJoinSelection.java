package dev.ember.sql.execution.adaptive;

import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.RoundRobinExchangeExec;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.join.ShuffledHashJoinExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks the shuffled hash joins that may become broadcast hash joins at run time (the planning half of
 * Spark's AQE join selection): a join whose stream side is a shuffle exchange the planner added, whose build
 * side may be broadcast for its join type, and whose hash partitioning nothing above it in its stage relies
 * on (a broadcast join keeps the stream side's partitioning instead). Such a join is wrapped in an
 * {@link AdaptiveHashJoinExec}, which decides from the build side's size at run time. Runs after
 * {@code EnsureRequirements} and before {@link CoalesceShufflePartitions}.
 */
public final class DynamicJoinSelection {

  private DynamicJoinSelection() {}

  /** {@code plan} with its eligible shuffled joins made adaptive, if the settings allow it. */
  public static PhysicalPlan apply(PhysicalPlan plan, AdaptiveJoinSettings settings) {
    if (!settings.active()) {
      return plan;
    }
    return rewrite(plan, false, settings);
  }

  /**
   * Rewrites {@code node}; {@code partitioningUsed} says whether an operator above it, in the same stage,
   * requires a distribution of its output (which the exchanges below were placed to provide).
   */
  private static PhysicalPlan rewrite(PhysicalPlan node, boolean partitioningUsed, AdaptiveJoinSettings settings) {
    if (node.children().isEmpty()) {
      return node;
    }
    boolean exchange = node instanceof ShuffleExchangeExec || node instanceof RoundRobinExchangeExec;
    List<Distribution> required = node.requiredChildDistribution();
    List<PhysicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < node.children().size(); i++) {
      PhysicalPlan child = node.children().get(i);
      boolean used = !exchange && (partitioningUsed || !(required.get(i) instanceof Distribution.Unspecified));
      PhysicalPlan rewritten = rewrite(child, used, settings);
      changed |= rewritten != child;
      children.add(rewritten);
    }
    PhysicalPlan result = changed ? node.withNewChildren(children) : node;
    if (!partitioningUsed && result instanceof ShuffledHashJoinExec join && eligible(join)) {
      return new AdaptiveHashJoinExec(join, settings.broadcastThreshold());
    }
    return result;
  }

  private static boolean eligible(ShuffledHashJoinExec join) {
    PhysicalPlan stream = join.children().get(join.buildsLeft() ? 1 : 0);
    return join.canBroadcastBuildSide() && shuffled(stream);
  }

  /** An exchange the planner added (one the user asked for, REPARTITION, is kept). */
  private static boolean shuffled(PhysicalPlan child) {
    return child instanceof ShuffleExchangeExec exchange && !exchange.userSpecified();
  }
}
