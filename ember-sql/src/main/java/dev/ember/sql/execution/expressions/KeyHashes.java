package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;

/**
 * Hashes of grouping and join key columns, a column at a time over their primitive arrays, for the hash
 * aggregation's group table and the hash join's relation. Keys equal as SQL compares keys hash alike: NULLs
 * with NULLs, -0.0 with 0.0, NaN with NaN, compact decimals by their unscaled longs, other values through
 * {@link ValueKeys}.
 */
public final class KeyHashes {

  private static final int NULL_HASH = 0x5bd1e995;

  private KeyHashes() {}

  /** The bits a double key is compared and hashed by: -0.0 is 0.0, every NaN the same NaN. */
  public static long doubleBits(double value) {
    // -0.0 and 0.0 are one key; doubleToLongBits gives every NaN the same bits.
    return Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
  }

  /** One hash per row over the first {@code n} rows of the key columns, computed a column at a time. */
  public static int[] hash(ColumnVector[] columns, int n) {
    int[] hashes = new int[n];
    for (ColumnVector column : columns) {
      combine(hashes, column, n);
    }
    for (int i = 0; i < n; i++) {
      hashes[i] = mix(hashes[i]);
    }
    return hashes;
  }

  private static void combine(int[] hashes, ColumnVector column, int n) {
    boolean[] nulls = column.nulls;
    if (column instanceof IntColumnVector v) {
      int[] values = v.values;
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : longHash(values[i]));
      }
    } else if (column instanceof LongColumnVector v) {
      long[] values = v.values;
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : longHash(values[i]));
      }
    } else if (column instanceof DecimalColumnVector v && !v.hasWideValues()) {
      long[] values = v.unscaled;
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : longHash(values[i]));
      }
    } else if (column instanceof StringColumnVector v) {
      String[] values = v.values;
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : values[i].hashCode());
      }
    } else if (column instanceof DoubleColumnVector v) {
      double[] values = v.values;
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : longHash(doubleBits(values[i])));
      }
    } else if (column instanceof BooleanColumnVector v) {
      boolean[] values = v.values;
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : (values[i] ? 1231 : 1237));
      }
    } else if (column instanceof DecimalColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH
            : v.isCompact(i) ? longHash(v.unscaled[i]) : v.getDecimal(i).hashCode());
      }
    } else {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (nulls[i] ? NULL_HASH : ValueKeys.hash(column.getBoxed(i)));
      }
    }
  }

  private static int longHash(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Murmur3's finalizer, so that similar keys spread over the table. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
