package dev.ember.sql.execution.datasources.parquet;

/**
 * The loops that look dictionary ids up in a column chunk's decoded dictionary, one per value array type, each
 * with a branch-free form for a run without NULLs (the id of row {@code k} is {@code ids[k]}) and one that skips
 * NULL rows (their ids are not stored, so ids are consumed in order only for the rows present).
 */
final class DictionaryCopy {

  private DictionaryCopy() {
  }

  /** Sets {@code out[start + k] = dict[id]} for the {@code n} rows, taking ids in order for non-NULL rows. */
  static void longs(long[] dict, int[] ids, long[] out, boolean[] nulls, int start, int n, boolean noNulls) {
    if (noNulls) {
      for (int k = 0; k < n; k++) {
        out[start + k] = dict[ids[k]];
      }
      return;
    }
    int next = 0;
    for (int k = 0; k < n; k++) {
      if (!nulls[start + k]) {
        out[start + k] = dict[ids[next++]];
      }
    }
  }

  /** Like {@link #longs} for int values. */
  static void ints(int[] dict, int[] ids, int[] out, boolean[] nulls, int start, int n, boolean noNulls) {
    if (noNulls) {
      for (int k = 0; k < n; k++) {
        out[start + k] = dict[ids[k]];
      }
      return;
    }
    int next = 0;
    for (int k = 0; k < n; k++) {
      if (!nulls[start + k]) {
        out[start + k] = dict[ids[next++]];
      }
    }
  }

  /** Like {@link #longs} for double values. */
  static void doubles(double[] dict, int[] ids, double[] out, boolean[] nulls, int start, int n,
      boolean noNulls) {
    if (noNulls) {
      for (int k = 0; k < n; k++) {
        out[start + k] = dict[ids[k]];
      }
      return;
    }
    int next = 0;
    for (int k = 0; k < n; k++) {
      if (!nulls[start + k]) {
        out[start + k] = dict[ids[next++]];
      }
    }
  }

  /** Like {@link #longs} for shared String values. */
  static void strings(String[] dict, int[] ids, String[] out, boolean[] nulls, int start, int n,
      boolean noNulls) {
    if (noNulls) {
      for (int k = 0; k < n; k++) {
        out[start + k] = dict[ids[k]];
      }
      return;
    }
    int next = 0;
    for (int k = 0; k < n; k++) {
      if (!nulls[start + k]) {
        out[start + k] = dict[ids[next++]];
      }
    }
  }
}
