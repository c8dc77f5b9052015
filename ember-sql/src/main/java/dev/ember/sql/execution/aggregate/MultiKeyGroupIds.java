package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.expressions.KeyHashes;
import dev.ember.sql.execution.expressions.ValueKeys;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import java.util.Arrays;

/**
 * Dense group ids for any grouping columns (several columns, strings, decimals, doubles), without a key
 * object per row: the hashes of a batch are computed a column at a time into an {@code int[]}, then each row
 * probes an open-addressing table of group ids whose keys are kept column by column in primitive arrays
 * (ints, dates, bigints, booleans and compact decimals as longs; doubles as normalized bits; strings and
 * other values as objects) and compared in place. NULLs are equal to each other, so NULL keys form one group;
 * -0.0 groups with 0.0 and NaN with NaN, as in Spark.
 */
final class MultiKeyGroupIds {

  /** Creates the group of row {@code row} of the batch being looked up and returns its id. */
  interface NewGroup {
    int create(int row);
  }

  /** An unused slot; a used one holds a group's hash in its high half and its id (never -1) in its low half. */
  private static final long EMPTY = -1L;

  private final int width;
  private final long[][] longKeys;
  private final Object[][] objectKeys;
  private final boolean[][] nullKeys;
  private int[] groupHashes;
  private int groups;
  private long[] slots;
  private int mask;
  private KeyIdentityCache identityCache;
  private boolean identityCacheTried;

  /** An empty table for {@code width} grouping columns. */
  MultiKeyGroupIds(int width) {
    this.width = width;
    this.longKeys = new long[width][16];
    this.objectKeys = new Object[width][];
    this.nullKeys = new boolean[width][16];
    this.groupHashes = new int[16];
    allocate(1024);
  }

  private void allocate(int capacity) {
    slots = new long[capacity];
    Arrays.fill(slots, EMPTY);
    mask = capacity - 1;
  }

  /** The number of groups held. */
  int size() {
    return groups;
  }

  /**
   * Writes the group id of each of the first {@code n} rows of {@code columns} into {@code groupIds},
   * calling {@code newGroup} for a key seen for the first time; new ids must be given out densely from 0.
   */
  void groupIds(ColumnVector[] columns, int n, int[] groupIds, NewGroup newGroup) {
    if (!identityCacheTried) {
      identityCacheTried = true;
      identityCache = KeyIdentityCache.applicable(columns) ? new KeyIdentityCache(width) : null;
    }
    if (identityCache != null) {
      int[][] batchHashes = new int[1][];
      KeyIdentityCache.Resolver resolver = row -> {
        if (batchHashes[0] == null) {
          batchHashes[0] = KeyHashes.hash(columns, n);
        }
        return probe(columns, row, batchHashes[0][row], newGroup);
      };
      if (identityCache.groupIds(columns, n, groupIds, resolver)) {
        return;
      }
      // Keys that are not a few shared objects: hash every row from now on (the groups made stay).
      identityCache = null;
    }
    int[] hashes = KeyHashes.hash(columns, n);
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      // Input clustered by its key repeats a key over consecutive rows: such a row takes the previous row's
      // group after comparing with that group's key, which is in cache, without probing the table.
      if (i > 0 && h == hashes[i - 1] && equal(columns, i, groupIds[i - 1])) {
        groupIds[i] = groupIds[i - 1];
        continue;
      }
      groupIds[i] = probe(columns, i, h, newGroup);
    }
  }

  /** The group of row {@code row}, whose hash is {@code h}, made with {@code newGroup} when it is new. */
  private int probe(ColumnVector[] columns, int row, int h, NewGroup newGroup) {
    int slot = h & mask;
    while (true) {
      long entry = slots[slot];
      if (entry == EMPTY) {
        int id = newGroup.create(row);
        add(columns, row, h, id, slot);
        return id;
      }
      // The slot holds its group's hash, so a probe passing other groups reads no key and no second array.
      int id = (int) entry;
      if ((int) (entry >>> 32) == h && equal(columns, row, id)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void add(ColumnVector[] columns, int row, int hash, int id, int slot) {
    if (id != groups) {
      throw new IllegalStateException("group ids must be dense; this is a bug");
    }
    ensureCapacity(id + 1);
    for (int k = 0; k < width; k++) {
      store(k, columns[k], row, id);
    }
    groupHashes[id] = hash;
    groups++;
    slots[slot] = entry(hash, id);
    if (groups * 2 > slots.length) {
      rehash();
    }
  }

  private void ensureCapacity(int needed) {
    if (needed <= groupHashes.length) {
      return;
    }
    int size = Math.max(needed, groupHashes.length * 2);
    groupHashes = Arrays.copyOf(groupHashes, size);
    for (int k = 0; k < width; k++) {
      longKeys[k] = Arrays.copyOf(longKeys[k], size);
      nullKeys[k] = Arrays.copyOf(nullKeys[k], size);
      if (objectKeys[k] != null) {
        objectKeys[k] = Arrays.copyOf(objectKeys[k], size);
      }
    }
  }

  private static long entry(int hash, int id) {
    return ((long) hash << 32) | (id & 0xFFFFFFFFL);
  }

  private void rehash() {
    // A table past a few batches of groups keeps growing: grow it four times over, for fewer rehashes.
    allocate(slots.length * (slots.length >= 1 << 16 ? 4 : 2));
    for (int id = 0; id < groups; id++) {
      int slot = groupHashes[id] & mask;
      while (slots[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry(groupHashes[id], id);
    }
  }

  private Object[] objects(int k) {
    if (objectKeys[k] == null) {
      objectKeys[k] = new Object[groupHashes.length];
    }
    return objectKeys[k];
  }

  private void store(int k, ColumnVector column, int row, int id) {
    if (column.nulls[row]) {
      nullKeys[k][id] = true;
      return;
    }
    if (column instanceof IntColumnVector v) {
      longKeys[k][id] = v.values[row];
    } else if (column instanceof LongColumnVector v) {
      longKeys[k][id] = v.values[row];
    } else if (column instanceof DecimalColumnVector v) {
      if (v.isCompact(row)) {
        longKeys[k][id] = v.unscaled[row];
      } else {
        objects(k)[id] = v.getDecimal(row);
      }
    } else if (column instanceof DoubleColumnVector v) {
      longKeys[k][id] = KeyHashes.doubleBits(v.values[row]);
    } else if (column instanceof BooleanColumnVector v) {
      longKeys[k][id] = v.values[row] ? 1 : 0;
    } else {
      objects(k)[id] = column.getBoxed(row);
    }
  }

  /** Whether row {@code row} of {@code columns} has the key of group {@code id}. */
  private boolean equal(ColumnVector[] columns, int row, int id) {
    for (int k = 0; k < width; k++) {
      ColumnVector column = columns[k];
      boolean isNull = column.nulls[row];
      if (isNull || nullKeys[k][id]) {
        if (isNull != nullKeys[k][id]) {
          return false;
        }
        continue;
      }
      if (!equalValue(k, column, row, id)) {
        return false;
      }
    }
    return true;
  }

  private boolean equalValue(int k, ColumnVector column, int row, int id) {
    long stored = longKeys[k][id];
    if (column instanceof IntColumnVector v) {
      return v.values[row] == stored;
    }
    if (column instanceof LongColumnVector v) {
      return v.values[row] == stored;
    }
    if (column instanceof StringColumnVector v) {
      String value = v.values[row];
      Object key = objectKeys[k][id];
      if (value == key) {
        return true;
      }
      if (!value.equals(key)) {
        return false;
      }
      // Keep the instance just seen: rows decoded from the same dictionary share it, so the rows after this
      // one compare by reference instead of by characters.
      objectKeys[k][id] = value;
      return true;
    }
    if (column instanceof DecimalColumnVector v) {
      // A value is held as a long whenever it fits, so a compact value never equals a wide one.
      Object wide = objectKeys[k] == null ? null : objectKeys[k][id];
      return v.isCompact(row) ? wide == null && v.unscaled[row] == stored : v.getDecimal(row).equals(wide);
    }
    if (column instanceof DoubleColumnVector v) {
      return KeyHashes.doubleBits(v.values[row]) == stored;
    }
    if (column instanceof BooleanColumnVector v) {
      return (v.values[row] ? 1 : 0) == stored;
    }
    return ValueKeys.equal(column.getBoxed(row), objectKeys[k][id]);
  }
}
