package dev.ember.sql.execution.aggregate;

import java.util.Arrays;

/**
 * The group ids of one input batch and, counted once on demand for all functions, how many rows each group
 * got: a count, or the count kept by a sum or an average, of an input without NULLs adds its groups' row
 * counts instead of incrementing per row, and an input with NULLs takes off its NULL rows afterwards.
 * Owned by one aggregation table and refilled for every batch.
 */
final class BatchGroups {

  private int[] ids = new int[0];
  private int rows;
  private int groups;
  private int[] rowsPerGroup = new int[16];
  private boolean counted;

  /** Takes the group ids of the next batch: row i is in group {@code ids[i]}, of {@code groups} groups. */
  void reset(int[] groupIds, int n, int groupCount) {
    this.ids = groupIds;
    this.rows = n;
    this.groups = groupCount;
    this.counted = false;
  }

  /** The group id of each row. */
  int[] ids() {
    return ids;
  }

  /** The number of rows of the batch. */
  int rows() {
    return rows;
  }

  /** The number of groups of the table, an upper bound of the ids. */
  int groups() {
    return groups;
  }

  /**
   * The number of rows of each group {@code 0 .. groups()-1} in this batch, or null when the table has more
   * groups than the batch has rows (then counting per row is cheaper than walking the groups).
   */
  int[] rowsPerGroup() {
    if (groups > rows) {
      return null;
    }
    if (!counted) {
      if (rowsPerGroup.length < groups) {
        rowsPerGroup = new int[Math.max(groups, rowsPerGroup.length * 2)];
      } else {
        Arrays.fill(rowsPerGroup, 0, groups, 0);
      }
      int[] h = rowsPerGroup;
      int[] g = ids;
      for (int i = 0; i < rows; i++) {
        h[g[i]]++;
      }
      counted = true;
    }
    return rowsPerGroup;
  }

  /** The number of NULL flags set among the first {@code n}. */
  static int nullCount(boolean[] nulls, int n) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      count += nulls[i] ? 1 : 0;
    }
    return count;
  }

  /**
   * Adds to {@code counts} the non-NULL rows of each group: the groups' row counts less the NULL rows, or
   * one per non-NULL row when the batch has no group row counts. Null {@code nulls} stands for no NULLs.
   */
  void addNonNullCounts(long[] counts, boolean[] nulls) {
    int[] perGroup = rowsPerGroup();
    if (perGroup == null) {
      for (int i = 0; i < rows; i++) {
        counts[ids[i]] += nulls != null && nulls[i] ? 0 : 1;
      }
      return;
    }
    for (int g = 0; g < groups; g++) {
      counts[g] += perGroup[g];
    }
    if (nulls != null && nullCount(nulls, rows) > 0) {
      for (int i = 0; i < rows; i++) {
        counts[ids[i]] -= nulls[i] ? 1 : 0;
      }
    }
  }
}
