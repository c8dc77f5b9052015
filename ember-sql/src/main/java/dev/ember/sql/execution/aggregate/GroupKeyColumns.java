package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The grouping keys of an aggregation table, column by column: group {@code g}'s key is row
 * {@code g % MAX_ROWS} of chunk {@code g / MAX_ROWS}, a set of column vectors of the key types. A new group
 * copies its key values from the input row in place (no boxed key object per group), and the output batches
 * use the chunks as their key columns as they are. -0.0 is stored as 0.0, the value its group stands for.
 */
final class GroupKeyColumns {

  private static final int CHUNK = ColumnarBatch.MAX_ROWS;

  private final int width;
  private final List<ColumnVector[]> chunks = new ArrayList<>();
  private int size;
  private long stringBytes;

  /** An empty store for keys of {@code width} columns. */
  GroupKeyColumns(int width) {
    this.width = width;
  }

  /** The number of keys held. */
  int size() {
    return size;
  }

  /** The number of key columns. */
  int width() {
    return width;
  }

  /** Appends row {@code row} of {@code columns} as the key of the next group and returns its id. */
  int add(ColumnVector[] columns, int row) {
    int slot = size % CHUNK;
    if (slot == 0) {
      ColumnVector[] chunk = new ColumnVector[width];
      for (int k = 0; k < width; k++) {
        chunk[k] = ColumnVectors.allocate(columns[k].dataType(), CHUNK);
      }
      chunks.add(chunk);
    }
    ColumnVector[] chunk = chunks.get(chunks.size() - 1);
    for (int k = 0; k < width; k++) {
      copy(chunk[k], slot, columns[k], row);
    }
    return size++;
  }

  /**
   * Appends rows {@code rows[0 .. count-1]} of {@code columns} as the keys of the next groups, as {@link #add}
   * row by row would: long, int and compact decimal columns in one loop per column and chunk.
   */
  void addRows(ColumnVector[] columns, int[] rows, int count) {
    int done = 0;
    while (done < count) {
      int slot = size % CHUNK;
      if (slot == 0) {
        add(columns, rows[done++]);
        continue;
      }
      int take = Math.min(count - done, CHUNK - slot);
      ColumnVector[] chunk = chunks.get(chunks.size() - 1);
      for (int k = 0; k < width; k++) {
        if (!copyRows(chunk[k], slot, columns[k], rows, done, take)) {
          for (int i = 0; i < take; i++) {
            copy(chunk[k], slot + i, columns[k], rows[done + i]);
          }
        }
      }
      size += take;
      done += take;
    }
  }

  /** Copies rows {@code rows[from .. from+take-1]} to slots from {@code slot} when both are primitive alike. */
  private static boolean copyRows(ColumnVector target, int slot, ColumnVector source, int[] rows, int from,
      int take) {
    long[] in;
    long[] out;
    if (target instanceof LongColumnVector t && source instanceof LongColumnVector v) {
      in = v.values;
      out = t.values;
    } else if (target instanceof DecimalColumnVector t && source instanceof DecimalColumnVector v
        && !v.hasWideValues() && !t.hasWideValues() && t.scale() == v.scale()) {
      in = v.unscaled;
      out = t.unscaled;
    } else if (target instanceof IntColumnVector t && source instanceof IntColumnVector v) {
      for (int i = 0; i < take; i++) {
        t.values[slot + i] = v.values[rows[from + i]];
        t.nulls[slot + i] = v.nulls[rows[from + i]];
      }
      return true;
    } else {
      return false;
    }
    boolean[] inNulls = source.nulls;
    boolean[] outNulls = target.nulls;
    for (int i = 0; i < take; i++) {
      int row = rows[from + i];
      out[slot + i] = in[row];
      outNulls[slot + i] = inNulls[row];
    }
    return true;
  }

  private void copy(ColumnVector target, int slot, ColumnVector source, int row) {
    if (target.getClass() != source.getClass()) {
      target.setBoxed(slot, source.getBoxed(row));
      return;
    }
    target.copyFrom(slot, source, row);
    if (target instanceof DoubleColumnVector d && d.values[slot] == 0.0) {
      d.values[slot] = 0.0;
    } else if (target instanceof StringColumnVector s && !s.nulls[slot]) {
      stringBytes += 40 + 2L * s.values[slot].length();
    }
  }

  /** Group {@code group}'s key value of column {@code k}, boxed (null for NULL). */
  Object get(int group, int k) {
    return chunks.get(group / CHUNK)[k].getBoxed(group % CHUNK);
  }

  /** The number of chunks, each the keys of up to {@link ColumnarBatch#MAX_ROWS} consecutive groups. */
  int numChunks() {
    return chunks.size();
  }

  /** The key columns of chunk {@code c}: groups {@code c * MAX_ROWS} onwards. */
  ColumnVector[] chunk(int c) {
    return chunks.get(c);
  }

  /** An estimate of the heap bytes of the keys: a fixed slot per value and the characters of strings. */
  long estimatedSize() {
    return (long) chunks.size() * CHUNK * width * 9L + stringBytes;
  }
}
