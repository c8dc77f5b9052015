package dev.ember.sql.execution.adaptive;

import dev.ember.ShuffleDependency;
import dev.ember.rdd.ShuffleRangeRDD;
import dev.ember.rdd.ShuffledRDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.joinfilter.dynamic.DynamicJoinFilter;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A dynamic join filter between two exchanges of one {@link CoalesceGroup}: a semi or anti join building its
 * left side, both of whose inputs are shuffled into a stage with other inputs (so the join is neither converted
 * nor read on its own). Before the group runs its map stages, the left side's map stage runs alone; when it wrote
 * at most the threshold, its batches are read whole and their keys filter the right side's file scan
 * ({@link DynamicJoinFilter}), so the right side is shuffled already filtered.
 */
final class GroupJoinFilter implements Serializable {

  private static final long serialVersionUID = 1L;
  private final int buildMember;
  private final int streamMember;
  private final Expression buildKey;
  private final Expression streamKey;
  private final long threshold;

  /**
   * The filter of group member {@code streamMember} by the keys {@code buildKey} takes over member
   * {@code buildMember}'s rows, when those are at most {@code threshold} bytes.
   */
  GroupJoinFilter(int buildMember, int streamMember, Expression buildKey, Expression streamKey, long threshold) {
    this.buildMember = buildMember;
    this.streamMember = streamMember;
    this.buildKey = buildKey;
    this.streamKey = streamKey;
    this.threshold = threshold;
  }

  /** The member whose keys filter. */
  int buildMember() {
    return buildMember;
  }

  /** The member filtered. */
  int streamMember() {
    return streamMember;
  }

  /**
   * {@code stream} with its scan filtered by the keys of {@code build}'s rows, running {@code buildShuffle}'s map
   * stage to learn them; null when the build side is too large or the filter does not apply.
   */
  @SuppressWarnings("unchecked")
  ShuffleExchangeExec apply(ExecutionContext context, ShuffleExchangeExec build,
      ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch> buildShuffle, ShuffleExchangeExec stream) {
    ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> dependency =
        (ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch>) buildShuffle.dependencies().get(0);
    long bytes = Arrays.stream(context.emberContext().runMapStages(List.of(dependency)).get(0)
        .bytesByPartitionId()).sum();
    if (bytes > threshold) {
      return null;
    }
    List<ColumnarBatch> small = BuildSideProbe.collectIfSmall(context,
        new ShuffleRangeRDD<>(dependency, new int[] {0}).mapPartitions(ShuffleExchangeExec::values), threshold);
    if (small == null) {
      return null;
    }
    PhysicalPlan child = stream.children().get(0);
    PhysicalPlan filtered = DynamicJoinFilter.filterProbeSide(child, streamKey, buildKey, build.output(), small);
    return filtered == child ? null : (ShuffleExchangeExec) stream.withNewChildren(List.of(filtered));
  }
}
