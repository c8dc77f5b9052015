package dev.ember.sql.execution.aggregate;

import java.util.Arrays;

/**
 * Dense group ids for a single integral grouping column (int, date or bigint), in an open-addressing table
 * over primitive arrays: no key object, boxed value or map entry per row, unlike the general
 * {@link GroupKey} map. The NULL key has its own id.
 */
final class LongGroupIds {

  private static final int EMPTY = -1;
  private static final int NO_NULL_GROUP = -1;

  private long[] keys;
  private int[] ids;
  private int mask;
  private int size;
  private int nullId = NO_NULL_GROUP;

  LongGroupIds() {
    allocate(1024);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    ids = new int[capacity];
    Arrays.fill(ids, EMPTY);
    mask = capacity - 1;
  }

  /** The id of the NULL key, or -1 when it has none yet. */
  int nullId() {
    return nullId;
  }

  /** Records {@code id} as the id of the NULL key. */
  void putNull(int id) {
    nullId = id;
  }

  /** The id of {@code key}, or -1 when it has none yet. */
  int get(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      int id = ids[slot];
      if (id == EMPTY || keys[slot] == key) {
        return id;
      }
    }
  }

  /** Records {@code id} as the id of {@code key}, which has none yet. */
  void put(long key, int id) {
    if ((size + 1) * 2 > ids.length) {
      grow();
    }
    insert(key, id);
    size++;
  }

  private void insert(long key, int id) {
    int slot = slot(key);
    while (ids[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    ids[slot] = id;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    allocate(oldIds.length * 2);
    for (int slot = 0; slot < oldIds.length; slot++) {
      if (oldIds[slot] != EMPTY) {
        insert(oldKeys[slot], oldIds[slot]);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
