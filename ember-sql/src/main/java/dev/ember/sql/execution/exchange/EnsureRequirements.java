package dev.ember.sql.execution.exchange;

import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.sort.SortExec;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts a {@link ShuffleExchangeExec} under every operator whose child's partitioning does not satisfy
 * the distribution the operator requires: a single partition for {@code AllTuples}, a hash partitioning on
 * the clustering expressions for {@code Clustered}, a range partitioning for {@code Ordered} (both with
 * {@code spark.sql.shuffle.partitions} partitions).
 * Where an operator requires its child's rows sorted within partitions (a window), a partition-local
 * {@link SortExec} goes above the exchange, since an exchange does not keep any order.
 * A child already partitioned suitably, such as an aggregate's output feeding another aggregate on the
 * same keys, is left as it is.
 */
public final class EnsureRequirements {

  private EnsureRequirements() {}

  /** {@code plan} with the exchanges its operators need. */
  public static PhysicalPlan apply(PhysicalPlan plan, int shufflePartitions) {
    List<PhysicalPlan> children = plan.children();
    if (children.isEmpty()) {
      return plan;
    }
    List<Distribution> required = plan.requiredChildDistribution();
    List<PhysicalPlan> fixed = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      PhysicalPlan child = apply(children.get(i), shufflePartitions);
      Distribution distribution = required.get(i);
      if (!distribution.satisfiedBy(child.outputPartitioning())) {
        child = new ShuffleExchangeExec(partitioningFor(distribution, shufflePartitions), child);
      }
      List<SortOrder> ordering = plan.requiredChildOrdering().get(i);
      if (!ordering.isEmpty() && !(child instanceof SortExec sort && sort.order().equals(ordering))) {
        child = new SortExec(ordering, false, false, child);
      }
      fixed.add(child);
    }
    return plan.withNewChildren(fixed);
  }

  private static Partitioning partitioningFor(Distribution distribution, int shufflePartitions) {
    if (distribution instanceof Distribution.HashClustered exact) {
      return new Partitioning.Hash(exact.clustering(), shufflePartitions);
    }
    if (distribution instanceof Distribution.Clustered clustered && !clustered.clustering().isEmpty()) {
      return new Partitioning.Hash(clustered.clustering(), shufflePartitions);
    }
    if (distribution instanceof Distribution.Ordered ordered && shufflePartitions > 1) {
      return new Partitioning.Range(ordered.ordering(), shufflePartitions);
    }
    return new Partitioning.Single();
  }
}
