package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.LongColumnVector;
import java.util.Arrays;

/** count(x): a bigint per group counting non-NULL inputs; never NULL. */
final class CountState implements GroupedState {

  private long[] counts = new long[16];

  @Override
  public void ensureCapacity(int groups) {
    if (groups > counts.length) {
      counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    boolean[] nulls = input.nulls;
    for (int i = 0; i < n; i++) {
      counts[groupIds[i]] += nulls[i] ? 0 : 1;
    }
  }

  /** Adds the groups' row counts, less the NULL rows, instead of one increment per row. */
  @Override
  public void update(BatchGroups batch, ColumnVector input) {
    batch.addNonNullCounts(counts, input.nulls);
  }

  /** Counts every row of the batch, for an input known not to be NULL (count(*), count(1)). */
  void addRows(BatchGroups batch) {
    batch.addNonNullCounts(counts, null);
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    long[] values = ((LongColumnVector) partial.column(column)).values;
    for (int i = 0; i < n; i++) {
      counts[groupIds[i]] += values[i];
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = counts[group];
  }

  @Override
  public Object result(int group) {
    return counts[group];
  }

  @Override
  public void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    System.arraycopy(counts, from, ((LongColumnVector) out[offset]).values, 0, count);
  }

  @Override
  public void writeResults(int from, int count, ColumnVector out) {
    System.arraycopy(counts, from, ((LongColumnVector) out).values, 0, count);
  }
}
