package dev.ember.sql.execution;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.Statistics;

/** Estimates of what batches take on the heap, for operators that hold batches against a budget. */
public final class BatchSizes {

  private BatchSizes() {
  }

  /** An estimate of the heap bytes of {@code batch}: value widths per row, string lengths for strings. */
  public static long estimatedBytes(ColumnarBatch batch) {
    long bytes = 0;
    int n = batch.numRows();
    for (int c = 0; c < batch.numCols(); c++) {
      ColumnVector column = batch.column(c);
      bytes += (long) n * (1 + Statistics.typeWidth(column.dataType()));
      if (column instanceof StringColumnVector strings) {
        for (int i = 0; i < n; i++) {
          bytes += strings.nulls[i] || strings.values[i] == null ? 0 : 40 + 2L * strings.values[i].length();
        }
      }
    }
    return bytes;
  }
}
