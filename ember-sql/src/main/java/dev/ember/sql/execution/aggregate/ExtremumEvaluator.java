package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.util.List;

/** min(x) or max(x): one slot holding the extreme non-NULL value so far, NULL when there is none. */
final class ExtremumEvaluator implements AggregateEvaluator {

  private static final long serialVersionUID = 1L;
  private final DataType type;
  private final boolean max;

  ExtremumEvaluator(DataType type, boolean max) {
    this.type = type;
    this.max = max;
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(type);
  }

  @Override
  public void initialize(Object[] buffer, int offset) {
    buffer[offset] = null;
  }

  @Override
  public void update(Object[] buffer, int offset, ColumnVector input, int row) {
    offer(buffer, offset, input.getBoxed(row));
  }

  @Override
  public void merge(Object[] buffer, int offset, ColumnarBatch partial, int column, int row) {
    offer(buffer, offset, partial.column(column).getBoxed(row));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void offer(Object[] buffer, int offset, Object value) {
    if (value == null) {
      return;
    }
    Object current = buffer[offset];
    if (current == null) {
      buffer[offset] = value;
      return;
    }
    int c = ((Comparable) value).compareTo(current);
    if (max ? c > 0 : c < 0) {
      buffer[offset] = value;
    }
  }

  @Override
  public Object result(Object[] buffer, int offset) {
    return buffer[offset];
  }
}
