package dev.ember.sql.execution.joinfilter;

/**
 * An exact set of integral keys in an open-addressing table of longs (linear probing, at most half full), for
 * key sets too sparse for a bitmap. The empty slot is marked by a sentinel value; whether the sentinel itself
 * is a key is kept apart.
 */
final class LongSetKeyFilter extends KeyFilter {

  private static final long serialVersionUID = 1L;
  private static final long EMPTY = Long.MIN_VALUE;

  private final long[] slots;
  private final int mask;
  private final boolean containsEmpty;

  /** The set of the keys {@code keys[0, n)}, all within [min, max] (duplicates allowed). */
  LongSetKeyFilter(long min, long max, long[] keys, int n) {
    this(min, max, table(keys, n), n);
  }

  private LongSetKeyFilter(long min, long max, Table table, int n) {
    super(true, min, max, table.distinct);
    this.slots = table.slots;
    this.mask = table.slots.length - 1;
    this.containsEmpty = table.containsEmpty;
  }

  private record Table(long[] slots, boolean containsEmpty, long distinct) {}

  private static Table table(long[] keys, int n) {
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    long[] slots = new long[capacity];
    java.util.Arrays.fill(slots, EMPTY);
    int mask = capacity - 1;
    boolean containsEmpty = false;
    long distinct = 0;
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      if (key == EMPTY) {
        distinct += containsEmpty ? 0 : 1;
        containsEmpty = true;
        continue;
      }
      int slot = (int) KeyFilters.mix(key) & mask;
      while (slots[slot] != EMPTY && slots[slot] != key) {
        slot = (slot + 1) & mask;
      }
      distinct += slots[slot] == EMPTY ? 1 : 0;
      slots[slot] = key;
    }
    return new Table(slots, containsEmpty, distinct);
  }

  @Override
  public boolean exact() {
    return true;
  }

  @Override
  protected boolean containsInRange(long key) {
    if (key == EMPTY) {
      return containsEmpty;
    }
    int slot = (int) KeyFilters.mix(key) & mask;
    long found;
    while ((found = slots[slot]) != EMPTY) {
      if (found == key) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  @Override
  protected boolean containsHash(long hash) {
    throw new IllegalStateException("A hash set holds integral keys, not hashes. This is a bug in Ember.");
  }

  @Override
  public String describe() {
    return "hash set of " + keyCount() + " keys in [" + min() + ", " + max() + "]";
  }
}
