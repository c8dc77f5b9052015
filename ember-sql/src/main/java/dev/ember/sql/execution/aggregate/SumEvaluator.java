package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/** sum(x) over bigint (wrapping on overflow) or double: one slot, NULL until a non-NULL input arrives. */
final class SumEvaluator implements AggregateEvaluator {

  private static final long serialVersionUID = 1L;
  private final DataType type;

  SumEvaluator(DataType type) {
    this.type = type;
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
    add(buffer, offset, input.getBoxed(row));
  }

  @Override
  public void merge(Object[] buffer, int offset, ColumnarBatch partial, int column, int row) {
    add(buffer, offset, partial.column(column).getBoxed(row));
  }

  private void add(Object[] buffer, int offset, Object value) {
    if (value == null) {
      return;
    }
    Object current = buffer[offset];
    if (current == null) {
      buffer[offset] = value;
    } else if (type == DataTypes.DoubleType) {
      buffer[offset] = (Double) current + (Double) value;
    } else {
      buffer[offset] = (Long) current + (Long) value;
    }
  }

  @Override
  public Object result(Object[] buffer, int offset) {
    return buffer[offset];
  }
}
