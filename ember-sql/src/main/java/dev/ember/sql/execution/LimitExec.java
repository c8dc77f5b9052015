package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first {@code limit} rows of each partition. Planned twice, as in Spark: a local limit before a
 * single-partition exchange and a global one after it, so at most {@code limit} rows a partition move.
 */
public final class LimitExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final int limit;
  private final boolean global;
  private final PhysicalPlan child;

  /** A limit of {@code limit} rows over {@code child}; {@code global} only names it for EXPLAIN. */
  public LimitExec(int limit, boolean global, PhysicalPlan child) {
    this.limit = limit;
    this.global = global;
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new LimitExec(limit, global, newChildren.get(0));
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(global ? new Distribution.AllTuples() : new Distribution.Unspecified());
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    int n = limit;
    return child.execute(context).mapPartitions(batches -> take(batches, n));
  }

  private static Iterator<ColumnarBatch> take(Iterator<ColumnarBatch> batches, int limit) {
    List<ColumnarBatch> out = new ArrayList<>();
    int remaining = limit;
    // Stops pulling from the child once the limit is reached, so upstream work stops too.
    while (remaining > 0 && batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      if (batch.numRows() <= remaining) {
        out.add(batch);
        remaining -= batch.numRows();
      } else {
        int[] first = new int[remaining];
        for (int i = 0; i < remaining; i++) {
          first[i] = i;
        }
        out.add(batch.gather(first, remaining));
        remaining = 0;
      }
    }
    return out.iterator();
  }

  @Override
  public String simpleString() {
    return (global ? "GlobalLimit " : "LocalLimit ") + limit;
  }
}
