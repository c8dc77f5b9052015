package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import java.util.Arrays;

/**
 * min(x) or max(x): the extreme non-NULL value per group, NULL when there is none. Bigint and double inputs
 * run in primitive loops that only box when a group's extreme changes; other types compare boxed values.
 * Doubles order as Spark orders them (NaN above everything) through {@link Double#compare}.
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
    boolean[] nulls = input.nulls;
    if (input instanceof LongColumnVector longs) {
      long[] v = longs.values;
      for (int i = 0; i < n; i++) {
        Object current = values[groupIds[i]];
        if (!nulls[i] && (current == null || (max ? v[i] > (Long) current : v[i] < (Long) current))) {
          values[groupIds[i]] = v[i];
        }
      }
    } else if (input instanceof DoubleColumnVector doubles) {
      double[] v = doubles.values;
      for (int i = 0; i < n; i++) {
        Object current = values[groupIds[i]];
        if (!nulls[i] && (current == null || better(Double.compare(v[i], (Double) current)))) {
          values[groupIds[i]] = v[i];
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          offer(groupIds[i], input.getBoxed(i));
        }
      }
    }
  }

  private boolean better(int compare) {
    return max ? compare > 0 : compare < 0;
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
    if (better(((Comparable) value).compareTo(current))) {
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
