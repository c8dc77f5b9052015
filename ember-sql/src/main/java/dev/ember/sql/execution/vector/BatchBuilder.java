package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Accumulates rows of boxed values and cuts them into batches of at most {@link ColumnarBatch#MAX_ROWS}. */
public final class BatchBuilder {

  private final List<DataType> types;
  private final List<Object[]> pending = new ArrayList<>();
  private final List<ColumnarBatch> done = new ArrayList<>();

  /** A builder for rows of {@code types}. */
  public BatchBuilder(List<DataType> types) {
    this.types = List.copyOf(types);
  }

  /** Adds one row (internal values). */
  public void add(Object[] row) {
    pending.add(row);
    if (pending.size() == ColumnarBatch.MAX_ROWS) {
      flush();
    }
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>(pending.size());
      for (Object[] row : pending) {
        values.add(row[c]);
      }
      columns[c] = ColumnVectors.of(types.get(c), values);
    }
    done.add(new ColumnarBatch(columns, pending.size()));
    pending.clear();
  }

  /** The batches of every row added. */
  public Iterator<ColumnarBatch> build() {
    flush();
    return done.iterator();
  }
}
