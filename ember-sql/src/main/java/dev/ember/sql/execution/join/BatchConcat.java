package dev.ember.sql.execution.join;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.types.DataType;
import java.util.Arrays;
import java.util.List;

/** Concatenates batches into one (a join's build side) and estimates the bytes batches hold. */
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
        ColumnVector source = b.column(c);
        for (int i = 0; i < b.numRows(); i++) {
          columns[c].copyFrom(offset + i, source, i);
        }
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

  /** An estimate of the heap bytes of {@code batch}: value widths per row, string lengths for strings. */
  static long estimatedBytes(ColumnarBatch batch) {
    long bytes = 0;
    int n = batch.numRows();
    for (int c = 0; c < batch.numCols(); c++) {
      ColumnVector column = batch.column(c);
      bytes += (long) n * (1 + Statistics.typeWidth(column.dataType()));
      if (column instanceof StringColumnVector strings) {
        for (int i = 0; i < n; i++) {
          bytes += strings.nulls[i] || strings.values[i] == null ? 0 : 40 + 2L * strings.values[i].length();
        }
      }
    }
    return bytes;
  }
}
