package dev.ember.sql.execution.sort;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Compares rows of boxed values on key positions, each ascending or descending with its NULL placement.
 * Doubles order as Spark orders them: NaN greater than any other value.
 */
final class RowComparator implements Comparator<Object[]>, Serializable {

  private static final long serialVersionUID = 1L;
  private final int[] keyPositions;
  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  RowComparator(int[] keyPositions, boolean[] ascending, boolean[] nullsFirst) {
    this.keyPositions = keyPositions;
    this.ascending = ascending;
    this.nullsFirst = nullsFirst;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compare(Object[] a, Object[] b) {
    for (int k = 0; k < keyPositions.length; k++) {
      Object x = a[keyPositions[k]];
      Object y = b[keyPositions[k]];
      int c;
      if (x == null || y == null) {
        if (x == y) {
          continue;
        }
        // NULL placement does not flip with the direction.
        c = (x == null) == nullsFirst[k] ? -1 : 1;
        return c;
      }
      c = ((Comparable) x).compareTo(y);
      if (c != 0) {
        return ascending[k] ? c : -c;
      }
    }
    return 0;
  }
}
