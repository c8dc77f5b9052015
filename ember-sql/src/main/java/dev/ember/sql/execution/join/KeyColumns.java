package dev.ember.sql.execution.join;

import dev.ember.sql.execution.expressions.ValueKeys;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;

/**
 * Equality of join key columns (their hashes are {@code KeyHashes}', shared with hash aggregation). Doubles
 * compare as SQL does for keys: -0.0 equals 0.0 and NaN equals NaN.
 */
final class KeyColumns {

  private KeyColumns() {}

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
    return ValueKeys.equal(a.getBoxed(i), b.getBoxed(j));
  }
}
