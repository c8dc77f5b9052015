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
 * Reads a shuffle exchange adaptively (Spark's {@code AQEShuffleReadExec}): once the exchange's map stage has
 * run, contiguous reduce partitions that are small together are read by one task. The ranges are decided at
 * run time, the same for every exchange of its {@link CoalesceGroup}; keys stay in the partitions the
 * exchange put them in, only several partitions are read together, so the output still satisfies what the
 * operators above require of the exchange. When the exchange is the only input of its stage and its own input
 * stage was read as one small partition, the exchange is skipped and that partition read as it is: one
 * partition satisfies any clustering or global ordering. After such a run the node prints as skipped, over
 * the exchange's input.
 */
public final class AQEShuffleReadExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final ShuffleExchangeExec child;
  private final CoalesceGroup group;
  private final int index;

  AQEShuffleReadExec(ShuffleExchangeExec child, CoalesceGroup group, int index) {
    this.child = child;
    this.group = group;
    this.index = index;
  }

  /** The exchange; after a run that skipped it, the exchange's input, which is what ran. */
  @Override
  public List<PhysicalPlan> children() {
    return group.skipped() ? child.children() : List.of(group.ranAs(index, child));
  }

  /** This read's position in its group. */
  int index() {
    return index;
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    // The group keeps the exchanges it was planned with; a different child is read without coalescing.
    return newChildren.get(0) == child || newChildren.equals(children()) ? this : newChildren.get(0);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  /** The exchange's partitioning: its keys are where it put them, at most that many partitions. */
  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    return group.read(index, context);
  }

  /** The exchange this node reads, whether or not the last run skipped it. */
  ShuffleExchangeExec exchange() {
    return child;
  }

  /** The group whose ranges this read uses. */
  CoalesceGroup group() {
    return group;
  }

  @Override
  public String simpleString() {
    return group.skipped() ? "AQEShuffleRead skipped " + child.simpleString()
        + ": its input is one coalesced partition (adaptive, isFinalPlan=true)" : "AQEShuffleRead coalesced";
  }
}
