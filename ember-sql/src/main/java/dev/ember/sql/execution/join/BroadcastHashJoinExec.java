package dev.ember.sql.execution.join;

import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.joinfilter.dynamic.DynamicJoinFilter;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * A hash join whose build side is small: the build side is collected on the driver, hashed once into a
 * {@link HashedRelation}, and shipped to every task with the core's broadcast; the stream side is joined
 * partition by partition where it is, without a shuffle. Never used for a full outer join, nor with the
 * outer side as build side, since unmatched build rows cannot be told apart across stream partitions. With
 * {@linkplain #withDynamicFilter dynamic filtering}, the collected build keys also filter the stream side's file
 * scan before its tasks are created ({@link DynamicJoinFilter}); after a run the filtered scan is a child.
 */
public final class BroadcastHashJoinExec extends JoinExec {

  private static final long serialVersionUID = 1L;
  private final List<Expression> leftKeys;
  private final List<Expression> rightKeys;
  private final boolean[] nullSafe;
  private final boolean dynamicFilter;
  private transient volatile PhysicalPlan filteredStream;

  /** A join of {@code left} and {@code right} on the keys, building the left side when {@code buildLeft}. */
  public BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
      JoinType joinType, boolean buildLeft, Expression residual, PhysicalPlan left, PhysicalPlan right) {
    super(left, right, joinType, buildLeft, residual);
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.nullSafe = nullSafe.clone();
    this.dynamicFilter = false;
    if (processor(null).buildSideOuter()) {
      throw new IllegalArgumentException("a broadcast hash join cannot build its outer side");
    }
  }

  private BroadcastHashJoinExec(BroadcastHashJoinExec join, boolean dynamicFilter, PhysicalPlan left,
      PhysicalPlan right) {
    this(join, dynamicFilter, left, right, join.kept);
  }

  private BroadcastHashJoinExec(BroadcastHashJoinExec join, boolean dynamicFilter, PhysicalPlan left,
      PhysicalPlan right, int[] kept) {
    super(left, right, join.joinType, join.buildLeft, join.condition, kept);
    this.leftKeys = join.leftKeys;
    this.rightKeys = join.rightKeys;
    this.nullSafe = join.nullSafe;
    this.dynamicFilter = dynamicFilter;
  }

  /**
   * This join, filtering its stream side's file scan by the collected build keys when {@code enabled}, the join
   * type allows it and the filter is selective ({@link DynamicJoinFilter}).
   */
  public BroadcastHashJoinExec withDynamicFilter(boolean enabled) {
    return enabled == dynamicFilter ? this : new BroadcastHashJoinExec(this, enabled, left, right);
  }

  /**
   * This join emitting only the columns at positions {@code kept} of its full output (left then right
   * columns), or all when null ({@link PruneJoinOutputs}).
   */
  BroadcastHashJoinExec withKept(int[] kept) {
    return new BroadcastHashJoinExec(this, dynamicFilter, left, right, kept);
  }

  /** The expressions the join itself reads: its keys and its remaining condition. */
  List<Expression> joinExpressions() {
    return JoinExec.concat(leftKeys, rightKeys, condition);
  }

  /** As planned; after a run whose build keys filtered the stream side's scan, with that filtered scan. */
  @Override
  public List<PhysicalPlan> children() {
    PhysicalPlan filtered = filteredStream;
    if (filtered == null) {
      return super.children();
    }
    return buildLeft ? List.of(left, filtered) : List.of(filtered, right);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
    if (c.equals(children())) {
      return this;
    }
    return new BroadcastHashJoinExec(this, dynamicFilter, c.get(0), c.get(1));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    PhysicalPlan build = buildSide();
    List<Expression> buildKeys = BindReferences.bindAll(buildLeft ? leftKeys : rightKeys, build.output());
    List<Expression> streamKeys = BindReferences.bindAll(buildLeft ? rightKeys : leftKeys, streamSide().output());
    ColumnarBatch rows = BatchConcat.concat(context.broadcasts().collect(build, context), types(build));
    JoinProcessor processor = processor(condition);
    Broadcast<HashedRelation> relation = context.emberContext().broadcastInternal(
        HashedRelation.build(rows, buildKeys, nullSafe, processor.existenceOnly()));
    PhysicalPlan probe = streamSide();
    if (dynamicFilter && leftKeys.size() == 1 && !nullSafe[0] && DynamicJoinFilter.legal(joinType, !buildLeft)) {
      PhysicalPlan filtered = DynamicJoinFilter.filterProbeSide(probe, buildLeft ? rightKeys.get(0)
          : leftKeys.get(0), buildLeft ? leftKeys.get(0) : rightKeys.get(0), build.output(), List.of(rows));
      if (filtered != probe) {
        filteredStream = filtered;
        probe = filtered;
      }
    }
    return probe.execute(context).mapPartitions(stream -> {
      HashedRelation hashed = relation.value();
      return processor.join(stream, hashed.rows(), hashed.candidates(streamKeys));
    });
  }

  @Override
  public String simpleString() {
    return describe("BroadcastHashJoin", ExplainStrings.list(leftKeys) + ", " + ExplainStrings.list(rightKeys)
        + ", ");
  }
}
