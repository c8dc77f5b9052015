package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;

/**
 * Dense group ids for several integral grouping columns (int, date, bigint, timestamp, compact decimals)
 * whose values together fit in 64 bits: each column's value becomes a code {@code value - min + 1} (0 for
 * NULL) of a few bits, the codes of a row are packed into one long, and the long is looked up in a
 * {@link LongGroupIds} table, with no per-column comparison. The layout (each column's minimum and bit width)
 * follows the values seen: when a batch falls outside it, the layout widens (with a bit of headroom) and
 * the groups held so far are packed again from their stored keys. When the codes no longer fit in 64 bits
 * (or a decimal too wide for a long arrives) the batch is refused before any group is created, and the
 * caller moves to {@link MultiKeyGroupIds}.
 */
final class PackedKeyGroupIds {

  /** The widest code of one column: its largest value {@code min + 2^bits - 2} never overflows past it. */
  private static final int MAX_BITS = 62;

  private final int width;
  private final long[] mins;
  private final int[] bits;
  private boolean laidOut;
  private LongGroupIds ids = new LongGroupIds();

  /** An empty table for {@code width} integral key columns. */
  PackedKeyGroupIds(int width) {
    this.width = width;
    this.mins = new long[width];
    this.bits = new int[width];
  }

  /** Whether every column is of a kind whose values are longs (compact decimals included). */
  static boolean packable(ColumnVector[] columns) {
    for (ColumnVector column : columns) {
      if (!(column instanceof IntColumnVector || column instanceof LongColumnVector
          || column instanceof DecimalColumnVector)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the group id of each of the first {@code n} rows into {@code groupIds}, creating new groups with
   * {@code newGroup} in row order. {@code keys} holds the keys of the {@code groups} groups created so far
   * (null when there are none), to pack again when the layout widens. Returns false, having created no
   * group, when the batch's keys do not fit in 64 bits.
   */
  boolean groupIds(ColumnVector[] columns, int n, int[] groupIds, MultiKeyGroupIds.NewGroup newGroup,
      GroupKeyColumns keys, int groups) {
    if (!fit(columns, n)) {
      return false;
    }
    if (ids.size() != groups) {
      repack(keys, groups);
    }
    long[] packed = pack(columns, n);
    if (ids.large()) {
      ids.getAll(packed, new boolean[n], n, groupIds);
    } else {
      for (int i = 0; i < n; i++) {
        groupIds[i] = i > 0 && packed[i] == packed[i - 1] ? groupIds[i - 1] : ids.get(packed[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (groupIds[i] < 0) {
        if (i > 0 && packed[i] == packed[i - 1]) {
          // The rest of a run whose first row made a new group.
          groupIds[i] = groupIds[i - 1];
          continue;
        }
        // A key first seen earlier in this batch has been added since the lookup above.
        int next = ids.size();
        int id = ids.getOrPut(packed[i], next);
        if (id == next && newGroup.create(i) != next) {
          throw new IllegalStateException("group ids must be dense; this is a bug");
        }
        groupIds[i] = id;
      }
    }
    return true;
  }

  /**
   * Makes the layout hold every value of the batch, widening it when needed (the groups must then be packed
   * again: {@code ids} is emptied). False when the widened layout needs more than 64 bits.
   */
  private boolean fit(ColumnVector[] columns, int n) {
    long[] newMins = mins.clone();
    int[] newBits = bits.clone();
    boolean[] widened = new boolean[width];
    boolean changed = false;
    for (int k = 0; k < width; k++) {
      ColumnVector column = columns[k];
      if (column instanceof DecimalColumnVector d && d.hasWideValues()) {
        return false;
      }
      boolean[] nulls = column.nulls;
      long batchMin = Long.MAX_VALUE;
      long batchMax = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          long v = value(column, i);
          batchMin = Math.min(batchMin, v);
          batchMax = Math.max(batchMax, v);
        }
      }
      if (!laidOut) {
        // A column without values yet holds codes for 0 .. 0; its first values widen it.
        widened[k] = true;
        newMins[k] = batchMin <= batchMax ? batchMin : 0;
        newBits[k] = codeBits(newMins[k], batchMin <= batchMax ? batchMax : 0);
      } else if (batchMin <= batchMax && (batchMin < mins[k] || batchMax > maxOf(k))) {
        widened[k] = true;
        newMins[k] = Math.min(mins[k], batchMin);
        newBits[k] = codeBits(newMins[k], Math.max(maxOf(k), batchMax));
      }
      changed |= widened[k];
    }
    if (!changed) {
      return true;
    }
    int total = 0;
    for (int k = 0; k < width; k++) {
      total += newBits[k];
    }
    // A bit of headroom for each widened column while the total allows, so growing values widen rarely.
    for (int k = 0; k < width && total < 64; k++) {
      if (widened[k] && newBits[k] < MAX_BITS) {
        newBits[k]++;
        total++;
      }
    }
    for (int k = 0; k < width; k++) {
      if (newBits[k] > MAX_BITS) {
        return false;
      }
    }
    if (total > 64) {
      return false;
    }
    System.arraycopy(newMins, 0, mins, 0, width);
    System.arraycopy(newBits, 0, bits, 0, width);
    laidOut = true;
    ids = new LongGroupIds();
    return true;
  }

  /** The largest value column {@code k}'s layout holds: codes run from 1 to 2^bits - 1. */
  private long maxOf(int k) {
    long max = mins[k] + ((1L << bits[k]) - 2);
    // Past Long.MAX_VALUE every long fits.
    return max < mins[k] ? Long.MAX_VALUE : max;
  }

  /** The bits for codes 0 (NULL) and 1 .. max-min+1, or 64 when the span overflows a long. */
  private static int codeBits(long min, long max) {
    long span = max - min;
    if (span < 0 || span == Long.MAX_VALUE) {
      return 64;
    }
    return 64 - Long.numberOfLeadingZeros(span + 1);
  }

  private static long value(ColumnVector column, int row) {
    if (column instanceof IntColumnVector v) {
      return v.values[row];
    }
    if (column instanceof LongColumnVector v) {
      return v.values[row];
    }
    return ((DecimalColumnVector) column).unscaled[row];
  }

  /** The packed keys of the first {@code n} rows: column k's code shifted above the codes of columns before. */
  private long[] pack(ColumnVector[] columns, int n) {
    long[] packed = new long[n];
    int shift = 0;
    for (int k = 0; k < width; k++) {
      ColumnVector column = columns[k];
      boolean[] nulls = column.nulls;
      long base = mins[k] - 1;
      if (column instanceof IntColumnVector v) {
        int[] values = v.values;
        for (int i = 0; i < n; i++) {
          packed[i] |= nulls[i] ? 0 : (values[i] - base) << shift;
        }
      } else {
        long[] values = column instanceof LongColumnVector v ? v.values : ((DecimalColumnVector) column).unscaled;
        for (int i = 0; i < n; i++) {
          packed[i] |= nulls[i] ? 0 : (values[i] - base) << shift;
        }
      }
      shift += bits[k];
    }
    return packed;
  }

  /** Packs the keys of groups {@code 0 .. groups-1} under the current layout into a new table. */
  private void repack(GroupKeyColumns keys, int groups) {
    ids = new LongGroupIds(groups);
    for (int c = 0; c * ColumnarBatch.MAX_ROWS < groups; c++) {
      int from = c * ColumnarBatch.MAX_ROWS;
      int count = Math.min(ColumnarBatch.MAX_ROWS, groups - from);
      long[] packed = pack(keys.chunk(c), count);
      for (int i = 0; i < count; i++) {
        ids.put(packed[i], from + i);
      }
    }
  }
}
