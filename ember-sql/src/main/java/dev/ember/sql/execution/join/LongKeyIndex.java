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
 *
 * <p>When the build keys are dense — their range at most {@link #DENSE_RANGE_PER_ROW} times the number of
 * rows, as surrogate keys usually are — the index is instead an array indexed by key minus the smallest key
 * (a perfect hash): a probe is one load with no key comparison, the array takes at most as many bytes per
 * build row as the open-addressing table, and probe keys that arrive in key order read it sequentially.
 */
final class LongKeyIndex implements Serializable {

  private static final long serialVersionUID = 1L;
  /** An entry of 0 marks a free slot, so a new table needs no filling beyond the JVM's zeroing. */
  private static final long EMPTY = 0L;
  /** Build rows whose home slots are read ahead together before they are inserted. */
  private static final int BUILD_CHUNK = 256;

  /** A dense index is used when the key range is at most this many times the number of build rows. */
  static final int DENSE_RANGE_PER_ROW = 4;
  /** Smaller build sides always hash: their tables fit the caches anyway. */
  private static final int DENSE_MIN_ROWS = 1024;

  /** Slot s: the key at {@code 2s}; at {@code 2s+1} the first row plus 1, shifted left once, plus 1 if more follow. */
  private final long[] slots;
  /** The dense index, or null: at {@code key - minKey} the first row with that key plus 1, 0 for none. */
  private final int[] dense;
  private final long minKey;
  private final long maxKey;
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
    this.nextRow = distinct ? null : new int[n];
    if (nextRow != null) {
      Arrays.fill(nextRow, -1);
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (!nulls[i]) {
        min = Math.min(min, keys[i]);
        max = Math.max(max, keys[i]);
      }
    }
    this.minKey = min;
    this.maxKey = max;
    if (isDense(min, max, n)) {
      this.dense = new int[(int) (max - min + 1)];
      this.slots = null;
      this.mask = 0;
      this.touchedSum = 0;
      buildDense(keys, nulls, n);
      return;
    }
    this.dense = null;
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    this.mask = capacity - 1;
    this.slots = new long[capacity * 2];
    // Insert in reverse, so each key's rows are linked in build order; chunk by chunk, each chunk's home
    // slots first loaded in a branch-free loop so that their cache misses overlap.
    int[] homes = new int[Math.min(n, BUILD_CHUNK)];
    long touched = 0;
    // A build side clustered by its key repeats a key over consecutive rows: such a row is linked into the
    // slot of the row inserted just before it, without probing.
    int lastSlot = -1;
    long lastKey = 0;
    for (int end = n; end > 0; end -= BUILD_CHUNK) {
      int start = Math.max(0, end - BUILD_CHUNK);
      for (int i = start; i < end; i++) {
        int slot = slot(keys[i]);
        homes[i - start] = slot;
        touched += slots[2 * slot + 1];
      }
      for (int i = end - 1; i >= start; i--) {
        if (nulls[i]) {
          continue;
        }
        if (lastSlot >= 0 && keys[i] == lastKey) {
          link(lastSlot, i);
        } else {
          lastSlot = insert(keys[i], homes[i - start], i);
          lastKey = keys[i];
        }
      }
    }
    this.touchedSum = touched;
  }

  /** Whether keys from {@code min} to {@code max} over {@code n} build rows get a dense index. */
  static boolean isDense(long min, long max, int n) {
    if (n < DENSE_MIN_ROWS || min > max) {
      return false;
    }
    // max - min may overflow a long when the keys span most of its range; then the range is not dense.
    long span = max - min;
    return span >= 0 && span < (long) DENSE_RANGE_PER_ROW * n && span < Integer.MAX_VALUE - 8;
  }

  /** Whether this index is a dense array rather than a hash table (for tests). */
  boolean isDense() {
    return dense != null;
  }

  private void buildDense(long[] keys, boolean[] nulls, int n) {
    // In reverse, so each key's rows are linked in build order and a distinct index keeps the first row.
    for (int i = n - 1; i >= 0; i--) {
      if (nulls[i]) {
        continue;
      }
      int offset = (int) (keys[i] - minKey);
      if (nextRow != null) {
        nextRow[i] = dense[offset] - 1;
      }
      dense[offset] = i + 1;
    }
  }

  /** Inserts {@code row} under {@code key}, whose home slot is {@code home}, and returns the key's slot. */
  private int insert(long key, int home, int row) {
    int slot = home;
    while (slots[2 * slot + 1] != EMPTY && slots[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (slots[2 * slot + 1] == EMPTY) {
      slots[2 * slot] = key;
      slots[2 * slot + 1] = (long) (row + 1) << 1;
    } else {
      link(slot, row);
    }
    return slot;
  }

  /** Makes {@code row} the first row of the key held in {@code slot}, ahead of the rows already there. */
  private void link(int slot, int row) {
    if (nextRow == null) {
      // Rows are inserted last to first, so a distinct index ends up holding each key's first row.
      slots[2 * slot + 1] = (long) (row + 1) << 1;
    } else {
      nextRow[row] = (int) (slots[2 * slot + 1] >>> 1) - 1;
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
    if (dense != null) {
      probeDense(keys, skip, n, streamRows, buildRows, firstOnly);
      return;
    }
    int[] homes = new int[n];
    long[] entries = new long[n];
    long[] table = slots;
    for (int i = 0; i < n; i++) {
      int slot = slot(keys[i]);
      homes[i] = slot;
      entries[i] = table[2 * slot + 1];
    }
    // A stream clustered by its key repeats a key over consecutive rows: such a row reuses the entry the
    // previous row resolved, without comparing keys along the probe sequence again.
    boolean resolved = false;
    long lastKey = 0;
    long lastEntry = EMPTY;
    for (int i = 0; i < n; i++) {
      if (skip[i]) {
        continue;
      }
      long key = keys[i];
      long entry;
      if (resolved && key == lastKey) {
        entry = lastEntry;
      } else {
        entry = resolve(table, key, homes[i], entries[i]);
        resolved = true;
        lastKey = key;
        lastEntry = entry;
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

  /** The entry of {@code key} given its home slot and that slot's entry, or EMPTY when it has no rows. */
  private long resolve(long[] table, long key, int home, long homeEntry) {
    long entry = homeEntry;
    int slot = home;
    while (entry != EMPTY && table[2 * slot] != key) {
      slot = (slot + 1) & mask;
      entry = table[2 * slot + 1];
    }
    return entry;
  }

  private void probeDense(long[] keys, boolean[] skip, int n, IntList streamRows, IntList buildRows,
      boolean firstOnly) {
    int[] index = dense;
    long min = minKey;
    long max = maxKey;
    // First every row's entry in a loop the CPU can run ahead in, as for the hash table, then the matches.
    int[] entries = new int[n];
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      entries[i] = key >= min && key <= max ? index[(int) (key - min)] : 0;
    }
    for (int i = 0; i < n; i++) {
      int entry = entries[i];
      if (entry == 0 || skip[i]) {
        continue;
      }
      int row = entry - 1;
      streamRows.add(i);
      buildRows.add(row);
      if (!firstOnly && nextRow != null) {
        for (row = nextRow[row]; row >= 0; row = nextRow[row]) {
          streamRows.add(i);
          buildRows.add(row);
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
