package dev.ember.sql.execution.adaptive;

import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.RoundRobinExchangeExec;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts an {@link AQEShuffleReadExec} over the exchanges of every stage whose partitions may be coalesced at
 * run time (Spark's {@code CoalesceShufflePartitions}). A stage is the part of the plan between exchanges;
 * its exchanges are coalesced together, with the same ranges, and only when every input of the stage is
 * such an exchange (hash or range partitioned, the same partition count, not a count the user asked for):
 * an input read as it is, such as a scan, would no longer line up with coalesced partitions.
 * A single-partition exchange becomes an {@link AdaptiveSinglePartitionExchangeExec}, skipped at run time
 * when its input is one partition already.
 * Runs after {@code EnsureRequirements}, when the exchanges are in place.
 */
public final class CoalesceShufflePartitions {

  private CoalesceShufflePartitions() {}

  /** {@code plan} with adaptive reads over the exchanges that may be coalesced, if the settings allow it. */
  public static PhysicalPlan apply(PhysicalPlan plan, AdaptiveSettings settings) {
    if (!settings.coalescePartitions()) {
      return plan;
    }
    return coalesceStage(plan, settings);
  }

  private static PhysicalPlan coalesceStage(PhysicalPlan root, AdaptiveSettings settings) {
    List<ShuffleExchangeExec> inputs = new ArrayList<>();
    boolean onlyExchanges = collectInputs(root, inputs);
    CoalesceGroup group = onlyExchanges && canCoalesceTogether(inputs) ? new CoalesceGroup(settings) : null;
    return rewrite(root, group, settings);
  }

  /** Rewrites the stage down to its exchanges, whose children start stages of their own. */
  private static PhysicalPlan rewrite(PhysicalPlan node, CoalesceGroup group, AdaptiveSettings settings) {
    if (node instanceof ShuffleExchangeExec exchange) {
      return read(exchange, group, settings, false);
    }
    if (node instanceof AdaptiveHashJoinExec join && join.probesBuildSide()) {
      // The stream side may never be shuffled: its map stage is not run ahead with the others'.
      List<PhysicalPlan> children = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        PhysicalPlan child = node.children().get(i);
        children.add(i == join.streamIndex() ? read((ShuffleExchangeExec) child, group, settings, true)
            : rewrite(child, group, settings));
      }
      return node.withNewChildren(children);
    }
    if (group != null && node instanceof AdaptiveHashJoinExec join && join.filtersInGroup()) {
      return filteringJoin(join, group, settings);
    }
    if (node instanceof RoundRobinExchangeExec) {
      return node.withNewChildren(List.of(coalesceStage(node.children().get(0), settings)));
    }
    if (node.children().isEmpty()) {
      return node;
    }
    List<PhysicalPlan> children = new ArrayList<>();
    for (PhysicalPlan child : node.children()) {
      children.add(rewrite(child, group, settings));
    }
    return node.withNewChildren(children);
  }

  /**
   * A semi or anti join building its left side over two exchanges of the group, its right side's exchange
   * registered to be filtered by the left keys before the group's map stages run ({@link GroupJoinFilter}).
   */
  private static PhysicalPlan filteringJoin(AdaptiveHashJoinExec join, CoalesceGroup group,
      AdaptiveSettings settings) {
    List<PhysicalPlan> children = new ArrayList<>();
    for (PhysicalPlan child : join.children()) {
      children.add(rewrite(child, group, settings));
    }
    if (children.get(0) instanceof AQEShuffleReadExec left && children.get(1) instanceof AQEShuffleReadExec right) {
      group.filterBy(join.groupFilter(left.index(), right.index()));
    }
    return join.withNewChildren(children);
  }

  private static PhysicalPlan read(ShuffleExchangeExec exchange, CoalesceGroup group, AdaptiveSettings settings,
      boolean later) {
    ShuffleExchangeExec rewritten = (ShuffleExchangeExec) exchange.withNewChildren(
        List.of(coalesceStage(exchange.children().get(0), settings)));
    if (group == null && rewritten.outputPartitioning() instanceof Partitioning.Single && !rewritten.userSpecified()) {
      return new AdaptiveSinglePartitionExchangeExec(rewritten);
    }
    return group == null ? rewritten : new AQEShuffleReadExec(rewritten, group, group.add(rewritten, later));
  }

  /** Gathers the stage's exchanges; false if the stage has another input (a scan, a round-robin exchange). */
  private static boolean collectInputs(PhysicalPlan node, List<ShuffleExchangeExec> inputs) {
    if (node instanceof ShuffleExchangeExec exchange) {
      inputs.add(exchange);
      return true;
    }
    if (node instanceof RoundRobinExchangeExec || node.children().isEmpty()) {
      return false;
    }
    boolean only = true;
    for (PhysicalPlan child : node.children()) {
      only &= collectInputs(child, inputs);
    }
    return only;
  }

  private static boolean canCoalesceTogether(List<ShuffleExchangeExec> exchanges) {
    if (exchanges.isEmpty()) {
      return false;
    }
    int partitions = exchanges.get(0).outputPartitioning().numPartitions();
    for (ShuffleExchangeExec exchange : exchanges) {
      Partitioning partitioning = exchange.outputPartitioning();
      boolean keyed = partitioning instanceof Partitioning.Hash || partitioning instanceof Partitioning.Range;
      if (!keyed || exchange.userSpecified() || partitioning.numPartitions() != partitions) {
        return false;
      }
    }
    return partitions > 1;
  }
}
