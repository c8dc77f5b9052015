package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import java.util.Arrays;

/**
 * first/last: per group a value and whether one was taken. With ignoreNulls only non-NULL values count.
 * The buffer is the value and that flag, so merging takes the first (last) partial that has one.
 */
final class FirstLastState implements GroupedState {

  private final boolean ignoreNulls;
  private final boolean last;
  private Object[] values = new Object[16];
  private boolean[] set = new boolean[16];

  FirstLastState(boolean ignoreNulls, boolean last) {
    this.ignoreNulls = ignoreNulls;
    this.last = last;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > set.length) {
      int size = Math.max(groups, set.length * 2);
      values = Arrays.copyOf(values, size);
      set = Arrays.copyOf(set, size);
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    for (int i = 0; i < n; i++) {
      offer(groupIds[i], input, i, !input.nulls[i] || !ignoreNulls);
    }
  }

  private void offer(int group, ColumnVector input, int row, boolean counts) {
    if (counts && (last || !set[group])) {
      values[group] = input.getBoxed(row);
      set[group] = true;
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    ColumnVector value = partial.column(column);
    BooleanColumnVector flags = (BooleanColumnVector) partial.column(column + 1);
    for (int i = 0; i < n; i++) {
      offer(groupIds[i], value, i, flags.values[i]);
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = values[group];
    row[offset + 1] = set[group];
  }

  @Override
  public Object result(int group) {
    return values[group];
  }
}
