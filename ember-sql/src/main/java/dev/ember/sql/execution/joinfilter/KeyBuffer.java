package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.execution.vector.ColumnVector;
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
    for (int i = 0; i < rows; i++) {
      if (!column.isNull(i)) {
        if (size == values.length) {
          values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = integral ? KeyFilters.key(column, i) : KeyFilters.hash(column, i);
      }
    }
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
