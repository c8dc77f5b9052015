package dev.ember.sql.execution.window;

import java.util.List;
import java.util.Objects;

/**
 * The rows {@code start .. end-1} of a sorted task partition that share their partition keys, with the peer
 * groups (rows with equal sort keys) of each row. Rows are boxed values; evaluators read input columns by
 * position.
 */
public final class WindowPartition {

  private final List<Object[]> rows;
  private final int start;
  private final int end;
  private final int[] peerStart;
  private final int[] peerEnd;

  /** The partition {@code [start, end)} of {@code rows}, sorted on the values at {@code orderPositions}. */
  public WindowPartition(List<Object[]> rows, int start, int end, int[] orderPositions) {
    this.rows = rows;
    this.start = start;
    this.end = end;
    int n = end - start;
    peerStart = new int[n];
    peerEnd = new int[n];
    int groupStart = start;
    for (int i = start; i < end; i++) {
      if (i > start && !samePeers(rows.get(i - 1), rows.get(i), orderPositions)) {
        groupStart = i;
      }
      peerStart[i - start] = groupStart;
    }
    int groupEnd = end;
    for (int i = end - 1; i >= start; i--) {
      if (i < end - 1 && !samePeers(rows.get(i), rows.get(i + 1), orderPositions)) {
        groupEnd = i + 1;
      }
      peerEnd[i - start] = groupEnd;
    }
  }

  private static boolean samePeers(Object[] a, Object[] b, int[] positions) {
    for (int p : positions) {
      if (!Objects.equals(a[p], b[p])) {
        return false;
      }
    }
    return true;
  }

  /** The first row (absolute index). */
  public int start() {
    return start;
  }

  /** One past the last row (absolute index). */
  public int end() {
    return end;
  }

  /** The number of rows. */
  public int size() {
    return end - start;
  }

  /** The value at {@code position} of row {@code row} (absolute index). */
  public Object value(int row, int position) {
    return rows.get(row)[position];
  }

  /** The first row of row {@code row}'s peer group (absolute indexes). */
  public int peerStart(int row) {
    return peerStart[row - start];
  }

  /** One past the last row of row {@code row}'s peer group (absolute indexes). */
  public int peerEnd(int row) {
    return peerEnd[row - start];
  }
}
