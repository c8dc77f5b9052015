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
 * side may be broadcast for its join type, and whose hash partitioning no operator above it in its stage
 * zips with other inputs (a broadcast join keeps the stream side's partitioning; where a one-input operator
 * such as a final aggregate relies on the join's, the converted join's output is shuffled by the join keys,
 * as Spark's AQE accepts a new plan with no more shuffles than the old). Such a join is wrapped in an
 * {@link AdaptiveHashJoinExec}, which decides from the build side's size at run time. A join a SHUFFLE_HASH or
 * SHUFFLE_MERGE hint chose is left shuffled (Spark's AQE keeps a hinted strategy). Runs after
 * {@code EnsureRequirements} and before {@link CoalesceShufflePartitions}.
 */
public final class DynamicJoinSelection {

  private static final int UNUSED = 0;
  private static final int UNARY = 1;
  private static final int ZIPPED = 2;

  private DynamicJoinSelection() {}

  /** {@code plan} with its eligible shuffled joins made adaptive, if the settings allow it. */
  public static PhysicalPlan apply(PhysicalPlan plan, AdaptiveJoinSettings settings) {
    if (!settings.active()) {
      return plan;
    }
    return rewrite(plan, UNUSED, settings);
  }

  /**
   * Rewrites {@code node}; {@code used} says whether operators above it in the same stage require a
   * distribution of its output (which the exchanges below were placed to provide): {@link #UNUSED}, only
   * operators of one input ({@link #UNARY}, which a conversion serves by shuffling its output by the keys), or
   * one zipping it with other inputs ({@link #ZIPPED}, which needs the planned partitions: no conversion).
   */
  private static PhysicalPlan rewrite(PhysicalPlan node, int used, AdaptiveJoinSettings settings) {
    if (node.children().isEmpty()) {
      return node;
    }
    boolean exchange = node instanceof ShuffleExchangeExec || node instanceof RoundRobinExchangeExec;
    List<Distribution> required = node.requiredChildDistribution();
    List<PhysicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < node.children().size(); i++) {
      PhysicalPlan child = node.children().get(i);
      int childUsed = used;
      if (exchange) {
        childUsed = UNUSED;
      } else if (!(required.get(i) instanceof Distribution.Unspecified)) {
        childUsed = Math.max(used, node.children().size() > 1 ? ZIPPED : UNARY);
      }
      PhysicalPlan rewritten = rewrite(child, childUsed, settings);
      changed |= rewritten != child;
      children.add(rewritten);
    }
    PhysicalPlan result = changed ? node.withNewChildren(children) : node;
    // A semi or anti join building its left side is never converted into a join partitioned otherwise: it may
    // be made adaptive (for its run-time filter) even where a parent zips its output with other inputs.
    if (result instanceof ShuffledHashJoinExec join && eligible(join, settings)
        && (used != ZIPPED || join.semiOrAntiBuildsLeft())) {
      return new AdaptiveHashJoinExec(join, settings.broadcastThreshold(), used == UNARY, settings.runtimeFilter());
    }
    return result;
  }

  /**
   * Whether {@code join} may be converted, or, for a semi or anti join building its left side (never
   * broadcast), whether its left side materialized first may filter the right side's scan by its keys.
   */
  private static boolean eligible(ShuffledHashJoinExec join, AdaptiveJoinSettings settings) {
    PhysicalPlan stream = join.children().get(join.buildsLeft() ? 1 : 0);
    boolean filterOnly = join.semiOrAntiBuildsLeft() && settings.runtimeFilter();
    // A join a SHUFFLE_HASH or SHUFFLE_MERGE hint chose stays as planned, as Spark's AQE keeps a hinted strategy.
    return !join.strategyHinted() && (join.canBroadcastBuildSide() || filterOnly) && shuffled(stream);
  }

  /** An exchange the planner added (one the user asked for, REPARTITION, is kept). */
  private static boolean shuffled(PhysicalPlan child) {
    return child instanceof ShuffleExchangeExec exchange && !exchange.userSpecified();
  }
}
