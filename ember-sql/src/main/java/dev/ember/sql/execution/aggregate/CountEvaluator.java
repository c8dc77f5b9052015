package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/** count(x): one bigint slot counting non-NULL inputs; never NULL. */
final class CountEvaluator implements AggregateEvaluator {

  private static final long serialVersionUID = 1L;

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.LongType);
  }

  @Override
  public void initialize(Object[] buffer, int offset) {
    buffer[offset] = 0L;
  }

  @Override
  public void update(Object[] buffer, int offset, ColumnVector input, int row) {
    if (!input.isNull(row)) {
      buffer[offset] = (Long) buffer[offset] + 1;
    }
  }

  @Override
  public void merge(Object[] buffer, int offset, ColumnarBatch partial, int column, int row) {
    buffer[offset] = (Long) buffer[offset] + (Long) partial.column(column).getBoxed(row);
  }

  @Override
  public Object result(Object[] buffer, int offset) {
    return buffer[offset];
  }
}
