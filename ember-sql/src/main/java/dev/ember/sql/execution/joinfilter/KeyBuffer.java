package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import java.util.Arrays;

/**
 * The non-NULL join keys of a filter's creation side as they arrive, duplicates and all, in the form
 * {@link KeyFilters#build} takes: integral keys as their values, other types as their 64-bit hashes.
 */
public final class KeyBuffer {

  private final boolean integral;
  private long[] values = new long[1024];
  private int size;

  /** A buffer for keys of an integral type ({@code integral}) or of another type. */
  public KeyBuffer(boolean integral) {
    this.integral = integral;
  }

  /** Adds the non-NULL values of the first {@code rows} rows of {@code column}. */
  public void add(ColumnVector column, int rows) {
    if (values.length - size < rows) {
      values = Arrays.copyOf(values, Math.max(values.length * 2, size + rows));
    }
    boolean[] nulls = column.nulls;
    long[] out = values;
    int n = size;
    // Integral columns in one loop each, without a type test or a bounds check a row; NULL rows are written and
    // then overwritten, since the count only moves past a non-NULL one.
    if (integral && column instanceof LongColumnVector longs) {
      long[] keys = longs.values;
      for (int i = 0; i < rows; i++) {
        out[n] = keys[i];
        n += nulls[i] ? 0 : 1;
      }
    } else if (integral && column instanceof IntColumnVector ints) {
      int[] keys = ints.values;
      for (int i = 0; i < rows; i++) {
        out[n] = keys[i];
        n += nulls[i] ? 0 : 1;
      }
    } else {
      for (int i = 0; i < rows; i++) {
        if (!nulls[i]) {
          out[n++] = integral ? KeyFilters.key(column, i) : KeyFilters.hash(column, i);
        }
      }
    }
    size = n;
  }

  /** The keys added so far. */
  public int size() {
    return size;
  }

  /** The keys added, trimmed to {@link #size()}. */
  public long[] values() {
    return Arrays.copyOf(values, size);
  }

  /** The filter of the keys added. */
  public KeyFilter build() {
    return KeyFilters.build(values, size, integral);
  }
}
