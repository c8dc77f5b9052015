package dev.ember.sql.execution.columnar;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/**
 * Reads a {@link CollectedRelation}'s batches: collecting them (a broadcast build side) takes them from the driver
 * without a job; as an RDD they are split into slices, at most one per core, as a local table scan's rows are.
 * The batches are shared and not changed by their readers.
 */
public final class CollectedBatchesExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final CollectedRelation relation;
  private final int numSlices;

  /** A scan of {@code relation}'s batches as at most {@code maxSlices} partitions. */
  public CollectedBatchesExec(CollectedRelation relation, int maxSlices) {
    this.relation = relation;
    this.numSlices = Math.max(1, Math.min(maxSlices, relation.batches().size()));
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return relation.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return numSlices == 1 ? new Partitioning.Single() : new Partitioning.Unknown(numSlices);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    return context.emberContext().parallelize(relation.batches(), numSlices);
  }

  @Override
  public List<ColumnarBatch> executeCollect(ExecutionContext context) {
    return relation.batches();
  }

  @Override
  public String simpleString() {
    return "CollectedBatches " + ExplainStrings.list(relation.output()) + ", " + relation.rows()
        + " rows (already computed for a runtime filter)";
  }
}
