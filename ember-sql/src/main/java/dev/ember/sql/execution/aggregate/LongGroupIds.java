package dev.ember.sql.execution.aggregate;

/**
 * Dense group ids for a single integral grouping column (int, date or bigint), in an open-addressing table
 * over primitive arrays: no key object, boxed value or map entry per row, unlike the general
 * {@link GroupKey} map. The NULL key has its own id.
 */
final class LongGroupIds {

  private static final int EMPTY = -1;
  private static final int NO_NULL_GROUP = -1;
  private static final int LOOK_AHEAD_SLOTS = 1 << 16;
  private static final int INITIAL_SLOTS = 1024;

  /**
   * Slot {@code s} is the key at {@code 2s} and its id plus 1 at {@code 2s+1}, 0 for a free slot: one cache
   * line per probe, and a new table is free as the JVM zeroes it, with no filling pass.
   */
  private long[] entries;
  private int capacity;
  private int mask;
  private int size;
  private int nullId = NO_NULL_GROUP;

  LongGroupIds() {
    allocate(INITIAL_SLOTS);
  }

  /**
   * An empty table sized for {@code expectedKeys} keys, so that a caller that knows how many keys are coming
   * (the groups of a table being rebuilt) does not grow it step by step.
   */
  LongGroupIds(int expectedKeys) {
    allocate(Math.max(INITIAL_SLOTS, Integer.highestOneBit(Math.max(1, expectedKeys) * 2 - 1) << 1));
  }

  private void allocate(int slots) {
    entries = new long[2 * slots];
    capacity = slots;
    mask = slots - 1;
  }

  /** The number of slots (for tests). */
  int capacity() {
    return capacity;
  }

  /** The id of the NULL key, or -1 when it has none yet. */
  int nullId() {
    return nullId;
  }

  /** Records {@code id} as the id of the NULL key. */
  void putNull(int id) {
    nullId = id;
  }

  /** The number of non-NULL keys held. */
  int size() {
    return size;
  }

  /** The id of {@code key}, or -1 when it has none yet. */
  int get(long key) {
    return probe(entries, key, slot(key));
  }

  /**
   * Whether the table has grown past the caches, so that a batch is better looked up with {@link #getAll}:
   * above 64K slots (1 MB of entries) most probes miss the caches.
   */
  boolean large() {
    return capacity > LOOK_AHEAD_SLOTS;
  }

  /**
   * Writes the id of {@code keys[i]} (or -1 when it has none yet) into {@code ids[i]} for the first {@code n}
   * rows whose {@code skip[i]} is false. Rows to skip get -1 and must be resolved by the caller.
   *
   * <p>Input clustered by its key (a file stored in key order, the output of a join on the key) repeats each
   * key over consecutive rows: when at least a quarter of the rows repeat the row before, only the first row
   * of each run is looked up and its id copied over the run. Otherwise every row is looked up as the join
   * probe does: first the home slot of every key, then one tight loop that loads each home slot's id
   * (independent loads, so their cache misses overlap), then the comparisons against lines already in cache.
   */
  void getAll(long[] keys, boolean[] skip, int n, int[] ids) {
    int repeats = 0;
    for (int i = 1; i < n; i++) {
      repeats += keys[i] == keys[i - 1] ? 1 : 0;
    }
    if (repeats * 4L >= n && repeats > 0) {
      getAllRuns(keys, skip, n, ids);
    } else {
      lookUpAll(keys, skip, n, ids);
    }
  }

  /**
   * Looks up the first row of each run of equal keys only. A skipped row is a run of its own, and so is the
   * row after it, so a skipped row never lends or borrows an id.
   */
  private void getAllRuns(long[] keys, boolean[] skip, int n, int[] ids) {
    int[] starts = new int[n + 1];
    int runs = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || skip[i] || skip[i - 1] || keys[i] != keys[i - 1]) {
        starts[runs++] = i;
      }
    }
    starts[runs] = n;
    long[] runKeys = new long[runs];
    boolean[] runSkip = new boolean[runs];
    for (int r = 0; r < runs; r++) {
      runKeys[r] = keys[starts[r]];
      runSkip[r] = skip[starts[r]];
    }
    int[] runIds = new int[runs];
    lookUpAll(runKeys, runSkip, runs, runIds);
    for (int r = 0; r < runs; r++) {
      int id = runIds[r];
      for (int i = starts[r]; i < starts[r + 1]; i++) {
        ids[i] = id;
      }
    }
  }

  private void lookUpAll(long[] keys, boolean[] skip, int n, int[] ids) {
    long[] table = entries;
    int[] slots = new int[n];
    for (int i = 0; i < n; i++) {
      slots[i] = slot(keys[i]);
    }
    for (int i = 0; i < n; i++) {
      ids[i] = (int) table[2 * slots[i] + 1] - 1;
    }
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      if (skip[i]) {
        ids[i] = EMPTY;
      } else if (id != EMPTY && table[2 * slots[i]] != keys[i]) {
        ids[i] = probe(table, keys[i], (slots[i] + 1) & mask);
      }
    }
  }

  private int probe(long[] table, long key, int from) {
    for (int slot = from; ; slot = (slot + 1) & mask) {
      int id = (int) table[2 * slot + 1] - 1;
      if (id == EMPTY || table[2 * slot] == key) {
        return id;
      }
    }
  }

  /**
   * The id of {@code key}, or, when it has none yet, {@code newId} recorded as its id: one probe sequence
   * where a lookup followed by {@link #put} walks it twice.
   */
  int getOrPut(long key, int newId) {
    long[] table = entries;
    int slot = slot(key);
    while (true) {
      long entry = table[2 * slot + 1];
      if (entry == 0) {
        break;
      }
      if (table[2 * slot] == key) {
        return (int) entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    if ((size + 1) * 2 > capacity) {
      put(key, newId);
    } else {
      table[2 * slot] = key;
      table[2 * slot + 1] = newId + 1L;
      size++;
    }
    return newId;
  }

  /** Records {@code id} as the id of {@code key}, which has none yet. */
  void put(long key, int id) {
    if ((size + 1) * 2 > capacity) {
      grow();
    }
    insert(key, id);
    size++;
  }

  private void insert(long key, int id) {
    insertMoved(key, id + 1L);
  }

  /** Doubles the table in one pass over the old slots: the new one needs no filling, 0 being a free slot. */
  private void grow() {
    long[] old = entries;
    allocate(capacity * 2);
    for (int s = 0; s < old.length; s += 2) {
      long entry = old[s + 1];
      if (entry != 0) {
        insertMoved(old[s], entry);
      }
    }
  }

  private void insertMoved(long key, long entry) {
    int slot = slot(key);
    while (entries[2 * slot + 1] != 0) {
      slot = (slot + 1) & mask;
    }
    entries[2 * slot] = key;
    entries[2 * slot + 1] = entry;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
