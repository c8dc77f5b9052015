package dev.ember.sql.execution.datasources;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * Fills column vectors row by row for the record-oriented readers (CSV, JSON, text), handing out a batch
 * every {@link ColumnarBatch#MAX_ROWS} rows. Every column must be set (or set to null) in every row.
 */
public final class BatchAppender {

  private final DataType[] types;
  private ColumnVector[] vectors;
  private int rows;

  /** An appender of rows of {@code types}. */
  public BatchAppender(List<DataType> types) {
    this.types = types.toArray(new DataType[0]);
    allocate();
  }

  private void allocate() {
    vectors = new ColumnVector[types.length];
    for (int c = 0; c < types.length; c++) {
      vectors[c] = ColumnVectors.allocate(types[c], ColumnarBatch.MAX_ROWS);
    }
  }

  /** Sets column {@code c} of the current row to an internal value, or NULL for null. */
  public void set(int c, Object value) {
    vectors[c].setBoxed(rows, value);
  }

  /** Finishes the current row; true when the batch is full and must be taken with {@link #take()}. */
  public boolean endRow() {
    rows++;
    return rows == ColumnarBatch.MAX_ROWS;
  }

  /** The number of finished rows not yet taken. */
  public int size() {
    return rows;
  }

  /** The finished rows as a batch; the appender starts a new one. */
  public ColumnarBatch take() {
    ColumnarBatch batch = new ColumnarBatch(vectors, rows);
    allocate();
    rows = 0;
    return batch;
  }
}
