package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;

/**
 * Group ids of string keys by object identity, for keys with few distinct values: the rows a Parquet reader
 * decodes from a dictionary page share one String object per dictionary entry, so a few key tuples of
 * String objects (with NULL as a tuple element of its own) recently seen map straight to their groups, and
 * a row whose objects are all the same as a cached tuple's takes its group without hashing or comparing
 * characters. Equal objects are equal keys, so a hit is always right; a miss is resolved by the hash table
 * and the tuple cached in place of the oldest. A batch with more misses than {@link #MAX_MISSES} (keys
 * not shared objects, or too many distinct tuples) gives up, and the caller stops using the cache.
 */
final class KeyIdentityCache {

  /** Resolves the group of one row through the hash table, making it when it is new. */
  interface Resolver {
    int groupId(int row);
  }

  static final int ENTRIES = 8;
  static final int MAX_MISSES = 2 * ENTRIES;
  private static final Object NULL_KEY = new Object();

  private final int width;
  /** Entry e's key object of column k at {@code keys[k][e]}; unused entries hold null. */
  private final Object[][] keys;
  private final int[] ids = new int[ENTRIES];
  private int used;
  private int oldest;

  /** An empty cache for keys of {@code width} columns. */
  KeyIdentityCache(int width) {
    this.width = width;
    this.keys = new Object[width][ENTRIES];
  }

  /** Whether the cache applies to these key columns: all of them strings. */
  static boolean applicable(ColumnVector[] columns) {
    if (columns.length == 0) {
      return false;
    }
    for (ColumnVector column : columns) {
      if (!(column instanceof StringColumnVector)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the group id of each of the first {@code n} rows into {@code groupIds}, resolving misses in row
   * order with {@code resolver}; false, with only some rows written, when the batch misses too often.
   */
  boolean groupIds(ColumnVector[] columns, int n, int[] groupIds, Resolver resolver) {
    Object[][] values = new Object[width][];
    int nulls = 0;
    for (int k = 0; k < width; k++) {
      values[k] = ((StringColumnVector) columns[k]).values;
      nulls += BatchGroups.nullCount(columns[k].nulls, n);
    }
    if (nulls > 0) {
      // NULL slots hold arbitrary objects: take the NULL flags as the key objects' stand-ins.
      for (int k = 0; k < width; k++) {
        Object[] keyed = new Object[n];
        boolean[] isNull = columns[k].nulls;
        for (int i = 0; i < n; i++) {
          keyed[i] = isNull[i] ? NULL_KEY : values[k][i];
        }
        values[k] = keyed;
      }
    }
    return width == 2 ? pairs(values[0], values[1], n, groupIds, resolver)
        : tuples(values, n, groupIds, resolver);
  }

  /** Two key columns, the common case, compared without a loop over the columns. */
  private boolean pairs(Object[] first, Object[] second, int n, int[] groupIds, Resolver resolver) {
    Object[] k0 = keys[0];
    Object[] k1 = keys[1];
    int misses = 0;
    int last = 0;
    for (int i = 0; i < n; i++) {
      Object a = first[i];
      Object b = second[i];
      int e = last;
      if (k0[e] != a || k1[e] != b) {
        e = -1;
        for (int j = 0; j < used; j++) {
          if (k0[j] == a && k1[j] == b) {
            e = j;
            break;
          }
        }
        if (e < 0) {
          if (++misses > MAX_MISSES) {
            return false;
          }
          e = insert(new Object[][] {first, second}, i, resolver.groupId(i));
        }
        last = e;
      }
      groupIds[i] = ids[e];
    }
    return true;
  }

  private boolean tuples(Object[][] values, int n, int[] groupIds, Resolver resolver) {
    int misses = 0;
    int last = 0;
    for (int i = 0; i < n; i++) {
      int e = last;
      if (!matches(e, values, i)) {
        e = -1;
        for (int j = 0; j < used; j++) {
          if (matches(j, values, i)) {
            e = j;
            break;
          }
        }
        if (e < 0) {
          if (++misses > MAX_MISSES) {
            return false;
          }
          e = insert(values, i, resolver.groupId(i));
        }
        last = e;
      }
      groupIds[i] = ids[e];
    }
    return true;
  }

  /** Whether entry {@code e} holds row {@code row}'s key objects (an unused entry holds none). */
  private boolean matches(int e, Object[][] values, int row) {
    for (int k = 0; k < width; k++) {
      if (keys[k][e] != values[k][row]) {
        return false;
      }
    }
    return true;
  }

  private int insert(Object[][] values, int row, int id) {
    int e;
    if (used < ENTRIES) {
      e = used++;
    } else {
      e = oldest;
      oldest = (oldest + 1) % ENTRIES;
    }
    for (int k = 0; k < width; k++) {
      keys[k][e] = values[k][row];
    }
    ids[e] = id;
    return e;
  }
}
