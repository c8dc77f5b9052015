package dev.ember.sql.execution.objects;

import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Lazy conversions between iterators of batches and iterators of objects, inside tasks. */
public final class ObjectBatches {

  private ObjectBatches() {}

  /** The positions of {@code columns} (by expression id) in {@code input}. */
  public static int[] ordinals(List<AttributeReference> columns, List<AttributeReference> input) {
    int[] ordinals = new int[columns.size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = -1;
      for (int j = 0; j < input.size(); j++) {
        if (input.get(j).exprId() == columns.get(i).exprId()) {
          ordinals[i] = j;
          break;
        }
      }
      if (ordinals[i] < 0) {
        throw new IllegalStateException("column " + columns.get(i) + " is not among " + input
            + "; this is a bug, please report it");
      }
    }
    return ordinals;
  }

  /** The internal values of row {@code row} of {@code batch} at {@code ordinals}. */
  public static Object[] values(ColumnarBatch batch, int row, int[] ordinals) {
    Object[] values = new Object[ordinals.length];
    for (int c = 0; c < ordinals.length; c++) {
      ColumnVector column = batch.column(ordinals[c]);
      values[c] = column.isNull(row) ? null : column.getBoxed(row);
    }
    return values;
  }

  /** The objects {@code encoder} decodes from the columns {@code ordinals} of each row of {@code batches}. */
  public static Iterator<Object> deserialize(Iterator<ColumnarBatch> batches, ExpressionEncoder<?> encoder,
      int[] ordinals) {
    return new Iterator<>() {
      private ColumnarBatch batch;
      private int row;

      @Override
      public boolean hasNext() {
        while ((batch == null || row >= batch.numRows()) && batches.hasNext()) {
          batch = batches.next();
          row = 0;
        }
        return batch != null && row < batch.numRows();
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return encoder.fromRow(values(batch, row++, ordinals));
      }
    };
  }

  /** The batches of the rows {@code encoder} encodes {@code objects} into, at most a batch's rows each. */
  @SuppressWarnings("unchecked")
  public static Iterator<ColumnarBatch> serialize(Iterator<?> objects, ExpressionEncoder<?> encoder) {
    ExpressionEncoder<Object> typed = (ExpressionEncoder<Object>) encoder;
    List<DataType> types = encoder.schema().fieldList().stream().map(f -> f.dataType()).toList();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return objects.hasNext();
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<Object[]> rows = new ArrayList<>();
        while (rows.size() < ColumnarBatch.MAX_ROWS && objects.hasNext()) {
          rows.add(typed.toRow(objects.next()));
        }
        return batch(rows, types);
      }
    };
  }

  /** One batch of {@code rows} (internal values) of {@code types}. */
  public static ColumnarBatch batch(List<Object[]> rows, List<DataType> types) {
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        values.add(row[c]);
      }
      columns[c] = ColumnVectors.of(types.get(c), values);
    }
    return new ColumnarBatch(columns, rows.size());
  }

  /** An iterator that is empty when {@code it} is null (a user function returning null). */
  public static <T> Iterator<T> orEmpty(Iterator<T> it) {
    return it == null ? Collections.emptyIterator() : it;
  }
}
