package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import java.util.Objects;

/**
 * Runs of consecutive rows with equal grouping keys in a batch, NULL equal to NULL as grouping has it. Int,
 * date, bigint, decimal and string keys compare their values; other types compare boxed values, which may
 * split a run of equal keys (arrays, binaries) but never joins unequal ones, so a run is always one group.
 */
final class KeyRuns {

  private KeyRuns() {
  }

  /**
   * Writes {@code firstId + r} into {@code ids[i]} for every row {@code i} of the {@code r}-th run of the
   * first {@code n} rows, and returns the number of runs.
   */
  static int runIds(ColumnVector[] keys, int n, int firstId, int[] ids) {
    if (n == 0) {
      return 0;
    }
    boolean[] split = splits(keys, n);
    int id = firstId;
    ids[0] = id;
    for (int i = 1; i < n; i++) {
      id += split[i] ? 1 : 0;
      ids[i] = id;
    }
    return id - firstId + 1;
  }

  /** The number of runs of the first {@code n} rows. */
  static int count(ColumnVector[] keys, int n) {
    if (n == 0) {
      return 0;
    }
    boolean[] split = splits(keys, n);
    int runs = 1;
    for (int i = 1; i < n; i++) {
      runs += split[i] ? 1 : 0;
    }
    return runs;
  }

  /**
   * Whether each row starts a new run: primitive columns first, then strings and other values, which are
   * compared only on the rows that the columns before them have not split already.
   */
  private static boolean[] splits(ColumnVector[] keys, int n) {
    boolean[] split = new boolean[n];
    for (ColumnVector key : keys) {
      if (isPrimitive(key)) {
        markSplits(key, n, split);
      }
    }
    for (ColumnVector key : keys) {
      if (!isPrimitive(key)) {
        markSplits(key, n, split);
      }
    }
    return split;
  }

  private static boolean isPrimitive(ColumnVector key) {
    return key instanceof LongColumnVector || key instanceof IntColumnVector
        || key instanceof DecimalColumnVector v && !v.hasWideValues();
  }

  /** Sets {@code split[i]} where row {@code i} of {@code key} differs from row {@code i - 1}. */
  private static void markSplits(ColumnVector key, int n, boolean[] split) {
    boolean[] nulls = key.nulls;
    if (key instanceof LongColumnVector v) {
      long[] values = v.values;
      for (int i = 1; i < n; i++) {
        split[i] |= nulls[i] != nulls[i - 1] || !nulls[i] && values[i] != values[i - 1];
      }
    } else if (key instanceof IntColumnVector v) {
      int[] values = v.values;
      for (int i = 1; i < n; i++) {
        split[i] |= nulls[i] != nulls[i - 1] || !nulls[i] && values[i] != values[i - 1];
      }
    } else if (key instanceof DecimalColumnVector v && !v.hasWideValues()) {
      long[] values = v.unscaled;
      for (int i = 1; i < n; i++) {
        split[i] |= nulls[i] != nulls[i - 1] || !nulls[i] && values[i] != values[i - 1];
      }
    } else if (key instanceof StringColumnVector v) {
      String[] values = v.values;
      for (int i = 1; i < n; i++) {
        if (!split[i]) {
          split[i] = nulls[i] != nulls[i - 1] || !nulls[i] && !values[i].equals(values[i - 1]);
        }
      }
    } else {
      for (int i = 1; i < n; i++) {
        if (!split[i]) {
          split[i] = !Objects.equals(key.getBoxed(i), key.getBoxed(i - 1));
        }
      }
    }
  }
}
