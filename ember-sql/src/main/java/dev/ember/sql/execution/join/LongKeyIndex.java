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
  /** Build rows whose home slots are read ahead together before they are inserted. */
  private static final int BUILD_CHUNK = 256;

  /** Slot s: the key at {@code 2s}; at {@code 2s+1} the first row plus 1, shifted left once, plus 1 if more follow. */
  private final long[] slots;
  private final int[] nextRow;
  private final int mask;
  /** The sum of the entries read ahead while building, kept so the compiler cannot drop those reads. */
  private final long touchedSum;

  /** The index of the first {@code n} rows of {@code keys}, skipping rows whose {@code nulls} flag is set. */
  LongKeyIndex(long[] keys, boolean[] nulls, int n) {
    this(keys, nulls, n, false);
  }

  /**
   * The index of the first {@code n} rows of {@code keys}, skipping rows whose {@code nulls} flag is set;
   * when {@code distinct}, only the first row of each key is kept, for joins that only ask whether a key
   * has a match (then no row links are kept either).
   */
  LongKeyIndex(long[] keys, boolean[] nulls, int n, boolean distinct) {
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    this.mask = capacity - 1;
    this.slots = new long[capacity * 2];
    this.nextRow = distinct ? null : new int[n];
    if (nextRow != null) {
      Arrays.fill(nextRow, -1);
    }
    // Insert in reverse, so each key's rows are linked in build order; chunk by chunk, each chunk's home
    // slots first loaded in a branch-free loop so that their cache misses overlap.
    int[] homes = new int[Math.min(n, BUILD_CHUNK)];
    long touched = 0;
    for (int end = n; end > 0; end -= BUILD_CHUNK) {
      int start = Math.max(0, end - BUILD_CHUNK);
      for (int i = start; i < end; i++) {
        int slot = slot(keys[i]);
        homes[i - start] = slot;
        touched += slots[2 * slot + 1];
      }
      for (int i = end - 1; i >= start; i--) {
        if (!nulls[i]) {
          insert(keys[i], homes[i - start], i);
        }
      }
    }
    this.touchedSum = touched;
  }

  private void insert(long key, int home, int row) {
    int slot = home;
    while (slots[2 * slot + 1] != EMPTY && slots[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    long entry = slots[2 * slot + 1];
    if (entry == EMPTY || nextRow == null) {
      // Rows are inserted last to first, so a distinct index ends up holding each key's first row.
      slots[2 * slot] = key;
      slots[2 * slot + 1] = (long) (row + 1) << 1;
    } else {
      nextRow[row] = (int) (entry >>> 1) - 1;
      slots[2 * slot + 1] = ((long) (row + 1) << 1) | 1;
    }
  }

  /**
   * Adds the pairs (stream row, build row) of equal keys for the first {@code n} rows of {@code keys}, skipping
   * rows whose {@code skip} flag is set (NULL keys, or values no build key can equal).
   *
   * <p>Runs in two passes: the first only loads each row's home slot entry into an array, a loop without
   * data-dependent branches whose cache and TLB misses the CPU overlaps, where probing row by row waits for
   * each miss behind the branches that resolve the previous row; the second resolves matches, collisions and
   * chains from lines already in cache.
   */
  void probe(long[] keys, boolean[] skip, int n, IntList streamRows, IntList buildRows) {
    probe(keys, skip, n, streamRows, buildRows, false);
  }

  /**
   * As {@link #probe(long[], boolean[], int, IntList, IntList)}; when {@code firstOnly}, adds only the first
   * build row of each matched key, all a semi or anti join without a residual condition needs to know.
   */
  void probe(long[] keys, boolean[] skip, int n, IntList streamRows, IntList buildRows, boolean firstOnly) {
    int[] homes = new int[n];
    long[] entries = new long[n];
    long[] table = slots;
    for (int i = 0; i < n; i++) {
      int slot = slot(keys[i]);
      homes[i] = slot;
      entries[i] = table[2 * slot + 1];
    }
    for (int i = 0; i < n; i++) {
      long entry = entries[i];
      if (entry == EMPTY || skip[i]) {
        continue;
      }
      int slot = homes[i];
      long key = keys[i];
      while (table[2 * slot] != key) {
        slot = (slot + 1) & mask;
        entry = table[2 * slot + 1];
        if (entry == EMPTY) {
          break;
        }
      }
      if (entry != EMPTY) {
        if (firstOnly) {
          streamRows.add(i);
          buildRows.add((int) (entry >>> 1) - 1);
        } else {
          addMatches(i, entry, streamRows, buildRows);
        }
      }
    }
  }

  private void addMatches(int streamRow, long entry, IntList streamRows, IntList buildRows) {
    int row = (int) (entry >>> 1) - 1;
    streamRows.add(streamRow);
    buildRows.add(row);
    if ((entry & 1) != 0) {
      for (row = nextRow[row]; row >= 0; row = nextRow[row]) {
        streamRows.add(streamRow);
        buildRows.add(row);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
