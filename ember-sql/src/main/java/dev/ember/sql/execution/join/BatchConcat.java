package dev.ember.sql.execution.join;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.util.Arrays;
import java.util.List;

/** Concatenates batches into one (a join's build side) and pads the missing side of outer joins. */
final class BatchConcat {

  private BatchConcat() {}

  /** One batch holding every row of {@code batches}, in order, with columns of {@code types}. */
  static ColumnarBatch concat(List<ColumnarBatch> batches, List<DataType> types) {
    int total = 0;
    for (ColumnarBatch b : batches) {
      total += b.numRows();
    }
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = ColumnVectors.allocate(types.get(c), total);
    }
    int offset = 0;
    for (ColumnarBatch b : batches) {
      for (int c = 0; c < columns.length; c++) {
        columns[c].copyRange(offset, b.column(c), 0, b.numRows());
      }
      offset += b.numRows();
    }
    return new ColumnarBatch(columns, total);
  }

  /** {@code count} rows of all-NULL columns of {@code types}: the padding of an outer join's missing side. */
  static ColumnVector[] nulls(List<DataType> types, int count) {
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = ColumnVectors.allocate(types.get(c), count);
      Arrays.fill(columns[c].nulls, true);
    }
    return columns;
  }
}
