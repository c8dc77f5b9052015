package dev.ember.sql.execution.join;

import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * A hash join whose build side is small: the build side is collected on the driver, hashed once into a
 * {@link HashedRelation}, and shipped to every task with the core's broadcast; the stream side is joined
 * partition by partition where it is, without a shuffle. Never used for a full outer join, nor with the
 * outer side as build side, since unmatched build rows cannot be told apart across stream partitions.
 */
public final class BroadcastHashJoinExec extends JoinExec {

  private static final long serialVersionUID = 1L;
  private final List<Expression> leftKeys;
  private final List<Expression> rightKeys;
  private final boolean[] nullSafe;

  /** A join of {@code left} and {@code right} on the keys, building the left side when {@code buildLeft}. */
  public BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
      JoinType joinType, boolean buildLeft, Expression residual, PhysicalPlan left, PhysicalPlan right) {
    super(left, right, joinType, buildLeft, residual);
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.nullSafe = nullSafe.clone();
    if (processor(null).buildSideOuter()) {
      throw new IllegalArgumentException("a broadcast hash join cannot build its outer side");
    }
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
    return new BroadcastHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildLeft, condition, c.get(0),
        c.get(1));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    PhysicalPlan build = buildSide();
    List<Expression> buildKeys = BindReferences.bindAll(buildLeft ? leftKeys : rightKeys, build.output());
    List<Expression> streamKeys = BindReferences.bindAll(buildLeft ? rightKeys : leftKeys, streamSide().output());
    ColumnarBatch rows = BatchConcat.concat(build.execute(context).collect(), types(build));
    JoinProcessor processor = processor(condition);
    Broadcast<HashedRelation> relation = context.emberContext().broadcast(
        HashedRelation.build(rows, buildKeys, nullSafe, processor.existenceOnly()));
    return streamSide().execute(context).mapPartitions(stream -> {
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
