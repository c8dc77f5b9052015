package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import java.util.Arrays;

/**
 * min(x) or max(x): the extreme non-NULL value per group, NULL when there is none. Works on boxed values for
 * every orderable type; typed primitive loops are a later optimization.
 */
final class ExtremumState implements GroupedState {

  private final boolean max;
  private Object[] values = new Object[16];

  ExtremumState(boolean max) {
    this.max = max;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > values.length) {
      values = Arrays.copyOf(values, Math.max(groups, values.length * 2));
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    for (int i = 0; i < n; i++) {
      if (!input.nulls[i]) {
        offer(groupIds[i], input.getBoxed(i));
      }
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    update(groupIds, partial.column(column), n);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void offer(int group, Object value) {
    Object current = values[group];
    if (current == null) {
      values[group] = value;
      return;
    }
    int c = ((Comparable) value).compareTo(current);
    if (max ? c > 0 : c < 0) {
      values[group] = value;
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = values[group];
  }

  @Override
  public Object result(int group) {
    return values[group];
  }
}
