package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Skips the first {@code offset} rows ({@code OFFSET m}). The rows must be read in their final order from
 * one task, so it requires a single partition, as Spark's GlobalLimitAndOffset does.
 */
public final class OffsetExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final int offset;
  private final PhysicalPlan child;

  /** Skips {@code offset} rows of {@code child}. */
  public OffsetExec(int offset, PhysicalPlan child) {
    this.offset = offset;
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new OffsetExec(offset, newChildren.get(0));
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(new Distribution.AllTuples());
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return new Partitioning.Single();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    int n = offset;
    return child.execute(context).mapPartitions(batches -> skip(batches, n));
  }

  private static Iterator<ColumnarBatch> skip(Iterator<ColumnarBatch> batches, int offset) {
    return new Iterator<>() {
      private int remaining = offset;
      private ColumnarBatch next;

      @Override
      public boolean hasNext() {
        while (next == null && batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          if (batch.numRows() <= remaining) {
            remaining -= batch.numRows();
            continue;
          }
          next = remaining == 0 ? batch : tail(batch, remaining);
          remaining = 0;
        }
        return next != null;
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ColumnarBatch result = next;
        next = null;
        return result;
      }
    };
  }

  private static ColumnarBatch tail(ColumnarBatch batch, int from) {
    int count = batch.numRows() - from;
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      rows[i] = from + i;
    }
    return batch.gather(rows, count);
  }

  @Override
  public String simpleString() {
    return "Offset " + offset;
  }
}
