package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * collect_list / collect_set: per group the non-NULL values in arrival order (a set keeps the first of
 * equal values). The buffer is the array so far, so merging appends the partial arrays.
 */
final class CollectState implements GroupedState {

  private final boolean set;
  private Collection<?>[] values = new Collection<?>[16];

  CollectState(boolean set) {
    this.set = set;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > values.length) {
      values = Arrays.copyOf(values, Math.max(groups, values.length * 2));
    }
  }

  @SuppressWarnings("unchecked")
  private Collection<Object> group(int group) {
    if (values[group] == null) {
      values[group] = set ? new LinkedHashSet<>() : new ArrayList<>();
    }
    return (Collection<Object>) values[group];
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    for (int i = 0; i < n; i++) {
      Collection<Object> group = group(groupIds[i]);
      if (!input.nulls[i]) {
        group.add(input.getBoxed(i));
      }
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    ColumnVector arrays = partial.column(column);
    for (int i = 0; i < n; i++) {
      Collection<Object> group = group(groupIds[i]);
      if (!arrays.nulls[i]) {
        group.addAll((List<?>) arrays.getBoxed(i));
      }
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = result(group);
  }

  @Override
  public Object result(int group) {
    Collection<?> collected = values[group];
    return collected == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(collected));
  }
}
