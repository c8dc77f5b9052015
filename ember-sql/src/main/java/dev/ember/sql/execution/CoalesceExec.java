package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/** {@code coalesce(n)}: merges neighbouring partitions into at most {@code n}, without a shuffle. */
public final class CoalesceExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final int numPartitions;
  private final PhysicalPlan child;

  /** {@code child}'s partitions merged into at most {@code numPartitions}. */
  public CoalesceExec(int numPartitions, PhysicalPlan child) {
    this.numPartitions = numPartitions;
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new CoalesceExec(numPartitions, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return numPartitions == 1 ? new Partitioning.Single() : new Partitioning.Unknown(numPartitions);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    return child.execute(context).coalesce(numPartitions);
  }

  @Override
  public String simpleString() {
    return "Coalesce " + numPartitions;
  }
}
