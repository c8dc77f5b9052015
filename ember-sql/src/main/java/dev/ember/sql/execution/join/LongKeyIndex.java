package dev.ember.sql.execution.join;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The build rows of a hash join on one integral key (int, date, bigint, or decimal by its unscaled long) in
 * an open-addressing table whose slots hold the key beside the first row with that key, in one array: a
 * probe usually touches one cache line, where a chained table reads a bucket head, then the row's key, then
 * its next link, each likely a cache miss on a large build side. Rows sharing a key are linked in build
 * order through {@code nextRow}, read only for keys that have more than one row. Rows with a NULL key are
 * left out, since such a join is not null-safe.
 */
final class LongKeyIndex implements Serializable {

  private static final long serialVersionUID = 1L;
  /** An entry of 0 marks a free slot, so a new table needs no filling beyond the JVM's zeroing. */
  private static final long EMPTY = 0L;

  /** Slot s: the key at {@code 2s}; at {@code 2s+1} the first row plus 1, shifted left once, plus 1 if more follow. */
  private final long[] slots;
  private final int[] nextRow;
  private final int mask;

  /** The index of the first {@code n} rows of {@code keys}, skipping rows whose {@code nulls} flag is set. */
  LongKeyIndex(long[] keys, boolean[] nulls, int n) {
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    this.mask = capacity - 1;
    this.slots = new long[capacity * 2];
    this.nextRow = new int[n];
    Arrays.fill(nextRow, -1);
    // Insert in reverse, so each key's rows are linked in build order.
    for (int i = n - 1; i >= 0; i--) {
      if (nulls[i]) {
        continue;
      }
      long key = keys[i];
      int slot = slot(key);
      while (slots[2 * slot + 1] != EMPTY && slots[2 * slot] != key) {
        slot = (slot + 1) & mask;
      }
      long entry = slots[2 * slot + 1];
      if (entry == EMPTY) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = (long) (i + 1) << 1;
      } else {
        nextRow[i] = (int) (entry >>> 1) - 1;
        slots[2 * slot + 1] = ((long) (i + 1) << 1) | 1;
      }
    }
  }

  /**
   * Adds the pairs (stream row, build row) of equal keys for the first {@code n} rows of {@code keys}, skipping
   * rows whose {@code skip} flag is set (NULL keys, or values no build key can equal).
   */
  void probe(long[] keys, boolean[] skip, int n, IntList streamRows, IntList buildRows) {
    for (int i = 0; i < n; i++) {
      if (skip[i]) {
        continue;
      }
      long key = keys[i];
      int slot = slot(key);
      while (true) {
        long entry = slots[2 * slot + 1];
        if (entry == EMPTY) {
          break;
        }
        if (slots[2 * slot] == key) {
          int row = (int) (entry >>> 1) - 1;
          streamRows.add(i);
          buildRows.add(row);
          if ((entry & 1) != 0) {
            for (row = nextRow[row]; row >= 0; row = nextRow[row]) {
              streamRows.add(i);
              buildRows.add(row);
            }
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
