package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/** avg(x) over doubles: a sum slot and a count slot; NULL when the count is zero. */
final class AverageEvaluator implements AggregateEvaluator {

  private static final long serialVersionUID = 1L;

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.DoubleType, DataTypes.LongType);
  }

  @Override
  public void initialize(Object[] buffer, int offset) {
    buffer[offset] = 0.0;
    buffer[offset + 1] = 0L;
  }

  @Override
  public void update(Object[] buffer, int offset, ColumnVector input, int row) {
    if (!input.isNull(row)) {
      buffer[offset] = (Double) buffer[offset] + (Double) input.getBoxed(row);
      buffer[offset + 1] = (Long) buffer[offset + 1] + 1;
    }
  }

  @Override
  public void merge(Object[] buffer, int offset, ColumnarBatch partial, int column, int row) {
    buffer[offset] = (Double) buffer[offset] + (Double) partial.column(column).getBoxed(row);
    buffer[offset + 1] = (Long) buffer[offset + 1] + (Long) partial.column(column + 1).getBoxed(row);
  }

  @Override
  public Object result(Object[] buffer, int offset) {
    long count = (Long) buffer[offset + 1];
    return count == 0 ? null : (Double) buffer[offset] / count;
  }
}
