package dev.ember.sql.execution.join;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;

/**
 * Hashing and equality of join key columns, a column at a time over primitive arrays. Doubles compare as SQL
 * does for keys: -0.0 equals 0.0 and NaN equals NaN.
 */
final class KeyColumns {

  private static final int NULL_HASH = 42;

  private KeyColumns() {}

  /** One combined hash per row over the key columns. */
  static int[] hash(ColumnVector[] keys, int n) {
    int[] hashes = new int[n];
    for (ColumnVector column : keys) {
      combine(hashes, column, n);
    }
    for (int i = 0; i < n; i++) {
      hashes[i] = mix(hashes[i]);
    }
    return hashes;
  }

  private static void combine(int[] hashes, ColumnVector column, int n) {
    if (column instanceof IntColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : v.values[i]);
      }
    } else if (column instanceof LongColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : Long.hashCode(v.values[i]));
      }
    } else if (column instanceof DoubleColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : Double.hashCode(v.values[i] == 0.0 ? 0.0
            : v.values[i]));
      }
    } else if (column instanceof StringColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : v.values[i].hashCode());
      }
    } else if (column instanceof BooleanColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : (v.values[i] ? 1231 : 1237));
      }
    } else if (column instanceof DecimalColumnVector v) {
      // Unscaled longs, as a bigint key hashes: both sides of a key have one decimal type, so one scale.
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH
            : v.isCompact(i) ? Long.hashCode(v.unscaled[i]) : v.getDecimal(i).hashCode());
      }
    } else {
      // Other column kinds (added by later types) through their boxed values: slower, but any key type joins.
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (column.nulls[i] ? NULL_HASH : dev.ember.sql.execution.expressions.ValueKeys.hash(
            column.getBoxed(i)));
      }
    }
  }

  /** Murmur3's finalizer, so that consecutive keys spread over the table. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Whether row {@code i} has a NULL in a key that is not null-safe (such a row never matches). */
  static boolean hasNullKey(ColumnVector[] keys, boolean[] nullSafe, int i) {
    for (int k = 0; k < keys.length; k++) {
      if (keys[k].nulls[i] && !nullSafe[k]) {
        return true;
      }
    }
    return false;
  }

  /** Whether row {@code i} of {@code a} and row {@code j} of {@code b} have equal keys. */
  static boolean equal(ColumnVector[] a, int i, ColumnVector[] b, int j) {
    for (int k = 0; k < a.length; k++) {
      if (!equal(a[k], i, b[k], j)) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(ColumnVector a, int i, ColumnVector b, int j) {
    if (a.nulls[i] || b.nulls[j]) {
      // Rows with a NULL in a non-null-safe key never reach here, so NULL keys are null-safe ones.
      return a.nulls[i] && b.nulls[j];
    }
    if (a instanceof IntColumnVector x) {
      return x.values[i] == ((IntColumnVector) b).values[j];
    }
    if (a instanceof LongColumnVector x) {
      return x.values[i] == ((LongColumnVector) b).values[j];
    }
    if (a instanceof DoubleColumnVector x) {
      double l = x.values[i];
      double r = ((DoubleColumnVector) b).values[j];
      return l == r || (Double.isNaN(l) && Double.isNaN(r));
    }
    if (a instanceof StringColumnVector x) {
      return x.values[i].equals(((StringColumnVector) b).values[j]);
    }
    if (a instanceof BooleanColumnVector x) {
      return x.values[i] == ((BooleanColumnVector) b).values[j];
    }
    if (a instanceof DecimalColumnVector x && b instanceof DecimalColumnVector y && x.isCompact(i)
        && y.isCompact(j)) {
      // A decimal is held as a long whenever it fits, so compact values compare by their unscaled longs.
      return x.unscaled[i] == y.unscaled[j];
    }
    return dev.ember.sql.execution.expressions.ValueKeys.equal(a.getBoxed(i), b.getBoxed(j));
  }
}
