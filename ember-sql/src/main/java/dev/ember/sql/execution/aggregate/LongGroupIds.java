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

  /** Slot {@code s} is the key at {@code 2s} and its id (or EMPTY) at {@code 2s+1}: one cache line per probe. */
  private long[] entries;
  private int capacity;
  private int mask;
  private int size;
  private int nullId = NO_NULL_GROUP;

  LongGroupIds() {
    allocate(1024);
  }

  private void allocate(int slots) {
    entries = new long[2 * slots];
    for (int s = 1; s < entries.length; s += 2) {
      entries[s] = EMPTY;
    }
    capacity = slots;
    mask = slots - 1;
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
   * rows whose {@code skip[i]} is false, as the join probe does: first the home slot of every key, then
   * one tight loop that loads each home slot's id (independent loads, so their cache misses overlap), then
   * the comparisons against lines already in cache. Rows to skip get -1 and must be resolved by the caller.
   */
  void getAll(long[] keys, boolean[] skip, int n, int[] ids) {
    long[] table = entries;
    int[] slots = new int[n];
    for (int i = 0; i < n; i++) {
      slots[i] = slot(keys[i]);
    }
    for (int i = 0; i < n; i++) {
      ids[i] = (int) table[2 * slots[i] + 1];
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
      int id = (int) table[2 * slot + 1];
      if (id == EMPTY || table[2 * slot] == key) {
        return id;
      }
    }
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
    int slot = slot(key);
    while ((int) entries[2 * slot + 1] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    entries[2 * slot] = key;
    entries[2 * slot + 1] = id;
  }

  private void grow() {
    long[] old = entries;
    allocate(capacity * 2);
    for (int s = 0; s < old.length; s += 2) {
      if ((int) old[s + 1] != EMPTY) {
        insert(old[s], (int) old[s + 1]);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
