package dev.ember.sql.execution.adaptive;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/**
 * An exchange whose map stage has already run at run time (Spark's {@code ShuffleQueryStageExec}), read as
 * {@link AdaptiveHashJoinExec} decided: whole by one task for a broadcast, or partition by partition (with
 * coalesced ranges) for a shuffled join. Exists only in the plan an adaptive join settled on; EXPLAIN shows
 * the exchange under it and the bytes its map stage wrote.
 */
final class ShuffleQueryStageExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final ShuffleExchangeExec exchange;
  private final transient RDD<ColumnarBatch> read;
  private final long bytes;
  private final String how;

  ShuffleQueryStageExec(ShuffleExchangeExec exchange, RDD<ColumnarBatch> read, long bytes, String how) {
    this.exchange = exchange;
    this.read = read;
    this.bytes = bytes;
    this.how = how;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(exchange);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return newChildren.get(0) == exchange ? this : newChildren.get(0);
  }

  @Override
  public List<AttributeReference> output() {
    return exchange.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return how.equals("whole") ? new Partitioning.Unknown(1) : exchange.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    return read;
  }

  @Override
  public String simpleString() {
    return "ShuffleQueryStage materialized, " + bytes + " bytes, read " + how;
  }
}
