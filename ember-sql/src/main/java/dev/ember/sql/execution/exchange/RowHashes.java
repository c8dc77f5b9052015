package dev.ember.sql.execution.exchange;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;

/** Hashes key columns of a batch a column at a time, combining into one int a row. NULL hashes to a constant. */
final class RowHashes {

  private static final int NULL_HASH = 42;

  private RowHashes() {}

  static void combine(int[] hashes, ColumnVector column, int n) {
    if (column instanceof IntColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : mix(v.values[i]));
      }
    } else if (column instanceof LongColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : mix(Long.hashCode(v.values[i])));
      }
    } else if (column instanceof DoubleColumnVector v) {
      for (int i = 0; i < n; i++) {
        // -0.0 and 0.0 are equal keys, so they must hash alike.
        double d = v.values[i] == 0.0 ? 0.0 : v.values[i];
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : mix(Double.hashCode(d)));
      }
    } else if (column instanceof DecimalColumnVector v) {
      // A value is held as a long whenever it fits, so equal decimals hash alike.
      for (int i = 0; i < n; i++) {
        int h = v.nulls[i] ? NULL_HASH
            : mix(v.isCompact(i) ? Long.hashCode(v.unscaled[i]) : v.getDecimal(i).hashCode());
        hashes[i] = 31 * hashes[i] + h;
      }
    } else if (column instanceof StringColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : mix(v.values[i].hashCode()));
      }
    } else if (column instanceof BooleanColumnVector v) {
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (v.nulls[i] ? NULL_HASH : (v.values[i] ? 1231 : 1237));
      }
    } else if (column instanceof dev.ember.sql.execution.vector.ArrayColumnVector
        || column instanceof dev.ember.sql.execution.vector.MapColumnVector
        || column instanceof dev.ember.sql.execution.vector.StructColumnVector
        || column instanceof dev.ember.sql.execution.vector.BinaryColumnVector) {
      // Nested and binary keys by content, so that equal keys meet in one partition.
      for (int i = 0; i < n; i++) {
        hashes[i] = 31 * hashes[i] + (column.nulls[i] ? NULL_HASH
            : mix(dev.ember.sql.execution.expressions.ValueKeys.hash(column.getBoxed(i))));
      }
    }
  }

  /** Murmur3's finalizer, so that consecutive integers spread over partitions. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
