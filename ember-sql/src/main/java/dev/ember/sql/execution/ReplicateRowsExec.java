package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BoundReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Repeats each input row as many times as its count column says, keeping the output columns: a batch of
 * row indexes with repeats is built and the columns gathered from it, at most
 * {@link ColumnarBatch#MAX_ROWS} rows a batch.
 */
public final class ReplicateRowsExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final AttributeReference count;
  private final List<AttributeReference> output;
  private final PhysicalPlan child;

  /** Copies of {@code child}'s rows, {@code count} each, with the columns {@code output}. */
  public ReplicateRowsExec(AttributeReference count, List<AttributeReference> output, PhysicalPlan child) {
    this.count = count;
    this.output = List.copyOf(output);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new ReplicateRowsExec(count, output, newChildren.get(0));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    int countOrdinal = ((BoundReference) BindReferences.bind(count, child.output())).ordinal();
    int[] columns = new int[output.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = ((BoundReference) BindReferences.bind(output.get(c), child.output())).ordinal();
    }
    return child.execute(context).mapPartitions(batches -> replicate(batches, countOrdinal, columns));
  }

  private static Iterator<ColumnarBatch> replicate(Iterator<ColumnarBatch> batches, int countOrdinal,
      int[] columns) {
    return new Iterator<>() {
      private final ArrayDeque<ColumnarBatch> pending = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && batches.hasNext()) {
          expand(batches.next());
        }
        return !pending.isEmpty();
      }

      private void expand(ColumnarBatch batch) {
        LongColumnVector counts = (LongColumnVector) batch.column(countOrdinal);
        int[] rows = new int[ColumnarBatch.MAX_ROWS];
        int filled = 0;
        for (int i = 0; i < batch.numRows(); i++) {
          long copies = counts.nulls[i] ? 0 : counts.values[i];
          for (long k = 0; k < copies; k++) {
            rows[filled++] = i;
            if (filled == rows.length) {
              pending.add(gather(batch, rows, filled));
              filled = 0;
            }
          }
        }
        if (filled > 0) {
          pending.add(gather(batch, rows, filled));
        }
      }

      private ColumnarBatch gather(ColumnarBatch batch, int[] rows, int n) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
          out[c] = batch.column(columns[c]).gather(rows, n);
        }
        return new ColumnarBatch(out, n);
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }

  @Override
  public String simpleString() {
    return "ReplicateRows " + ExplainStrings.expr(count) + ", " + ExplainStrings.list(output);
  }
}
