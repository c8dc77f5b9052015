package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import java.util.Arrays;

/**
 * avg(x) over doubles: a sum and a count per group; NULL when the count is zero. Buffers and results are
 * written column-at-a-time.
 */
final class AverageState implements GroupedState {

  private double[] sums = new double[16];
  private long[] counts = new long[16];

  @Override
  public void ensureCapacity(int groups) {
    if (groups > counts.length) {
      int size = Math.max(groups, counts.length * 2);
      sums = Arrays.copyOf(sums, size);
      counts = Arrays.copyOf(counts, size);
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    boolean[] nulls = input.nulls;
    double[] values = ((DoubleColumnVector) input).values;
    for (int i = 0; i < n; i++) {
      if (!nulls[i]) {
        sums[groupIds[i]] += values[i];
        counts[groupIds[i]]++;
      }
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    double[] partialSums = ((DoubleColumnVector) partial.column(column)).values;
    long[] partialCounts = ((LongColumnVector) partial.column(column + 1)).values;
    for (int i = 0; i < n; i++) {
      sums[groupIds[i]] += partialSums[i];
      counts[groupIds[i]] += partialCounts[i];
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = sums[group];
    row[offset + 1] = counts[group];
  }

  @Override
  public Object result(int group) {
    return counts[group] == 0 ? null : sums[group] / counts[group];
  }

  /** Copies the sums and counts straight into the partial output's double and bigint columns. */
  @Override
  public void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    System.arraycopy(sums, from, ((DoubleColumnVector) out[offset]).values, 0, count);
    System.arraycopy(counts, from, ((LongColumnVector) out[offset + 1]).values, 0, count);
  }

  /** Divides column-at-a-time into a double column; NULL for groups without values. */
  @Override
  public void writeResults(int from, int count, ColumnVector out) {
    if (!(out instanceof DoubleColumnVector d)) {
      GroupedState.super.writeResults(from, count, out);
      return;
    }
    for (int i = 0; i < count; i++) {
      long c = counts[from + i];
      d.nulls[i] = c == 0;
      d.values[i] = c == 0 ? 0 : sums[from + i] / c;
    }
  }
}
