package dev.ember.sql.execution.aggregate;

/**
 * Dense group ids for a single integral grouping column (int, date or bigint), in an open-addressing table
 * over primitive arrays: no key object, boxed value or map entry per row, unlike the general
 * {@link GroupKey} map. The NULL key has its own id.
 */
final class LongGroupIds {

  private static final int EMPTY = -1;
  private static final int NO_NULL_GROUP = -1;

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
    long[] table = entries;
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
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
