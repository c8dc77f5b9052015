package dev.ember.sql.execution.vector;

import com.esotericsoftware.kryo.DefaultSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@link #MAX_ROWS} rows stored column by column: the unit SQL operators process and the element type
 * of the RDDs a physical plan becomes. Java-serializable; its vectors are primitive arrays.
 */
@DefaultSerializer(ColumnarBatchKryoSerializer.class)
public final class ColumnarBatch implements Serializable {

  /** The most rows operators put in one batch. */
  public static final int MAX_ROWS = 4096;
  private static final long serialVersionUID = 1L;

  private final ColumnVector[] columns;
  private final int numRows;

  /** A batch of {@code numRows} rows over {@code columns} (each with at least that many slots). */
  public ColumnarBatch(ColumnVector[] columns, int numRows) {
    this.columns = columns.clone();
    this.numRows = numRows;
  }

  /** The number of rows. */
  public int numRows() {
    return numRows;
  }

  /** The number of columns. */
  public int numCols() {
    return columns.length;
  }

  /** Column {@code ordinal}. */
  public ColumnVector column(int ordinal) {
    return columns[ordinal];
  }

  /** The first {@code count} rows named by {@code rows}, as a new batch. */
  public ColumnarBatch gather(int[] rows, int count) {
    ColumnVector[] out = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = columns[c].gather(rows, count);
    }
    return new ColumnarBatch(out, count);
  }

  /** Row {@code i} as boxed internal values. */
  public Object[] row(int i) {
    Object[] values = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      values[c] = columns[c].getBoxed(i);
    }
    return values;
  }

  /** The rows as boxed internal values, for the driver and for tests. */
  public List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>(numRows);
    for (int i = 0; i < numRows; i++) {
      rows.add(row(i));
    }
    return rows;
  }
}
