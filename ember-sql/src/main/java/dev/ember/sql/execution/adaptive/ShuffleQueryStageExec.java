package dev.ember.sql.execution.adaptive;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/**
 * A join input already computed at run time (Spark's {@code ShuffleQueryStageExec}): an exchange whose map
 * stage has run, read as {@link AdaptiveHashJoinExec} decided (whole by one task for a broadcast, or
 * partition by partition with coalesced ranges for a shuffled join), or a build side a probe job computed.
 * Exists only in the plan an adaptive join settled on; EXPLAIN shows the input under it and its bytes.
 */
final class ShuffleQueryStageExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final PhysicalPlan exchange;
  private final transient RDD<ColumnarBatch> read;
  private final long bytes;
  private final String how;

  /** The batches already on the driver when the stage was read whole there, else null. */
  private final transient List<ColumnarBatch> collected;

  ShuffleQueryStageExec(PhysicalPlan exchange, RDD<ColumnarBatch> read, long bytes, String how) {
    this(exchange, read, null, bytes, how);
  }

  /**
   * A stage already collected to the driver as {@code collected}: a broadcast join takes those batches as they
   * are ({@link #executeCollect}), and {@code read} serves any other consumer.
   */
  ShuffleQueryStageExec(PhysicalPlan exchange, RDD<ColumnarBatch> read, List<ColumnarBatch> collected, long bytes,
      String how) {
    this.exchange = exchange;
    this.read = read;
    this.collected = collected == null ? null : List.copyOf(collected);
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

  /** The batches in hand when the stage was collected to the driver, without a job sending them back there. */
  @Override
  public List<ColumnarBatch> executeCollect(ExecutionContext context) {
    return collected != null ? collected : super.executeCollect(context);
  }

  @Override
  public String simpleString() {
    return bytes < 0 ? "QueryStage probed, over the broadcast threshold, read " + how
        : "QueryStage materialized, " + bytes + " bytes, read " + how;
  }
}
