package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.Arrays;

/**
 * sum(x) over bigint (wrapping on overflow, as Spark's non-ANSI mode) or double: a sum and a "seen a
 * non-NULL value" flag per group; the result is NULL for a group without one.
 */
final class SumState implements GroupedState {

  private final boolean fractional;
  private long[] longSums = new long[16];
  private double[] doubleSums = new double[16];
  private boolean[] seen = new boolean[16];

  SumState(DataType type) {
    this.fractional = type == DataTypes.DoubleType;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > seen.length) {
      int size = Math.max(groups, seen.length * 2);
      longSums = Arrays.copyOf(longSums, size);
      doubleSums = Arrays.copyOf(doubleSums, size);
      seen = Arrays.copyOf(seen, size);
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    add(groupIds, input, n);
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    // A partial sum is NULL exactly when its group saw no value, so merging is adding non-NULL sums.
    add(groupIds, partial.column(column), n);
  }

  private void add(int[] groupIds, ColumnVector input, int n) {
    boolean[] nulls = input.nulls;
    if (fractional) {
      double[] values = ((DoubleColumnVector) input).values;
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          doubleSums[groupIds[i]] += values[i];
          seen[groupIds[i]] = true;
        }
      }
    } else {
      long[] values = ((LongColumnVector) input).values;
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          longSums[groupIds[i]] += values[i];
          seen[groupIds[i]] = true;
        }
      }
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = result(group);
  }

  @Override
  public Object result(int group) {
    if (!seen[group]) {
      return null;
    }
    return fractional ? (Object) doubleSums[group] : (Object) longSums[group];
  }

  @Override
  public void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    writeResults(from, count, out[offset]);
  }

  @Override
  public void writeResults(int from, int count, ColumnVector out) {
    if (!(out instanceof LongColumnVector || out instanceof DoubleColumnVector)) {
      GroupedState.super.writeResults(from, count, out);
      return;
    }
    boolean[] nulls = out.nulls;
    for (int i = 0; i < count; i++) {
      nulls[i] = !seen[from + i];
    }
    if (out instanceof DoubleColumnVector d) {
      if (fractional) {
        System.arraycopy(doubleSums, from, d.values, 0, count);
      } else {
        GroupedState.super.writeResults(from, count, out);
      }
    } else if (!fractional) {
      System.arraycopy(longSums, from, ((LongColumnVector) out).values, 0, count);
    } else {
      GroupedState.super.writeResults(from, count, out);
    }
  }
}
