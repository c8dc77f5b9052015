package dev.ember.sql.execution.spill;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a stream of rows into batches of at most {@link ColumnarBatch#MAX_ROWS} rows lazily, so a merged
 * spill is never held whole. Rows may be wider than {@code types} (sort keys appended); the extra values are
 * dropped.
 */
public final class RowBatches implements Iterator<ColumnarBatch> {

  private final Iterator<Object[]> rows;
  private final List<DataType> types;

  /** Batches of the first {@code types.size()} values of each of {@code rows}. */
  public RowBatches(Iterator<Object[]> rows, List<DataType> types) {
    this.rows = rows;
    this.types = List.copyOf(types);
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public ColumnarBatch next() {
    if (!rows.hasNext()) {
      throw new NoSuchElementException();
    }
    List<Object[]> chunk = new ArrayList<>();
    while (chunk.size() < ColumnarBatch.MAX_ROWS && rows.hasNext()) {
      chunk.add(rows.next());
    }
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>(chunk.size());
      for (Object[] row : chunk) {
        values.add(row[c]);
      }
      columns[c] = ColumnVectors.of(types.get(c), values);
    }
    return new ColumnarBatch(columns, chunk.size());
  }
}
