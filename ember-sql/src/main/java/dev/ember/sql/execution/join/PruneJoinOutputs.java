package dev.ember.sql.execution.join;

import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.ProjectExec;
import dev.ember.sql.execution.aggregate.HashAggregateExec;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Narrows each hash join's output to the columns read above it. A chain of joins otherwise carries every key
 * and every column of every input to its top: each join gathers all of them for its matched pairs, and an
 * exchange between two joins serializes them, although a key column is usually read by its own join alone.
 * Walking the physical plan from the root, the columns required of a node are those its parent reads plus what
 * the parent itself evaluates; through a project, a partial or complete hash aggregation, an exchange and a hash
 * join they are known exactly, and a hash join then emits only the required columns of its output (never none:
 * at least its first), so its pairs gather no others. Any other operator requires every column of its children,
 * which are left as they are.
 */
public final class PruneJoinOutputs {

  private PruneJoinOutputs() {
  }

  /** {@code plan} with every hash join emitting only the columns read above it; its own output unchanged. */
  public static PhysicalPlan apply(PhysicalPlan plan) {
    return prune(plan, null);
  }

  /** {@code plan} narrowed to {@code required} where it is a hash join; null requires every column. */
  private static PhysicalPlan prune(PhysicalPlan plan, Set<AttributeReference> required) {
    if (plan instanceof BroadcastHashJoinExec join) {
      JoinExec rebuilt = (JoinExec) withChildren(join, withAlso(required, join.joinExpressions()));
      return required == null ? rebuilt : ((BroadcastHashJoinExec) rebuilt).withKept(kept(rebuilt, required));
    }
    if (plan instanceof ShuffledHashJoinExec join) {
      JoinExec rebuilt = (JoinExec) withChildren(join, withAlso(required, join.joinExpressions()));
      // The stream keys stay: converted into a broadcast join at run time, the join may be shuffled by them again
      // for an operator above that relied on its partitioning.
      return required == null ? rebuilt : ((ShuffledHashJoinExec) rebuilt).withKept(kept(rebuilt,
          withAlso(required, join.streamKeys())));
    }
    if (plan instanceof ProjectExec project) {
      return withChildren(plan, withAlso(new HashSet<>(), project.projectList()));
    }
    if (plan instanceof HashAggregateExec aggregate && aggregate.childReads().isPresent()) {
      return withChildren(plan, withAlso(new HashSet<>(), aggregate.childReads().get()));
    }
    if (plan instanceof ShuffleExchangeExec exchange) {
      return withChildren(plan, withAlso(required, partitionExpressions(exchange.outputPartitioning())));
    }
    return withChildren(plan, null);
  }

  private static PhysicalPlan withChildren(PhysicalPlan plan, Set<AttributeReference> required) {
    List<PhysicalPlan> children = plan.children();
    List<PhysicalPlan> pruned = new ArrayList<>(children.size());
    boolean changed = false;
    for (PhysicalPlan child : children) {
      PhysicalPlan narrowed = prune(child, required);
      changed |= narrowed != child;
      pruned.add(narrowed);
    }
    return changed ? plan.withNewChildren(pruned) : plan;
  }

  /** The positions of the join's full output that are required; the first alone when none is. */
  private static int[] kept(JoinExec join, Set<AttributeReference> required) {
    List<AttributeReference> full = join.fullOutput();
    int[] positions = new int[full.size()];
    int count = 0;
    for (int i = 0; i < full.size(); i++) {
      if (required.contains(full.get(i))) {
        positions[count++] = i;
      }
    }
    if (count == full.size()) {
      return null;
    }
    return count == 0 ? new int[] {0} : java.util.Arrays.copyOf(positions, count);
  }

  /** {@code required} plus the columns {@code expressions} read; null (every column) stays null. */
  private static Set<AttributeReference> withAlso(Set<AttributeReference> required, List<Expression> expressions) {
    if (required == null) {
      return null;
    }
    Set<AttributeReference> all = new HashSet<>(required);
    for (Expression e : expressions) {
      all.addAll(e.references());
    }
    return all;
  }

  private static List<Expression> partitionExpressions(Partitioning partitioning) {
    if (partitioning instanceof Partitioning.Hash hash) {
      return hash.expressions();
    }
    if (partitioning instanceof Partitioning.Range range) {
      return range.ordering().stream().map(SortOrder::child).toList();
    }
    return List.of();
  }
}
