package dev.ember.sql.execution.sort;

import java.io.Serializable;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.Comparator;
import java.util.List;

/**
 * Compares rows of boxed values on key positions, each ascending or descending with its NULL placement.
 * Doubles order as Spark orders them: NaN greater than any other value.
 */
public final class RowComparator implements Comparator<Object[]>, Serializable {

  private static final long serialVersionUID = 1L;
  private final int[] keyPositions;
  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  /** Compares on {@code keyPositions}, each with its direction and NULL placement. */
  public RowComparator(int[] keyPositions, boolean[] ascending, boolean[] nullsFirst) {
    this.keyPositions = keyPositions;
    this.ascending = ascending;
    this.nullsFirst = nullsFirst;
  }

  /** A comparator of key rows holding exactly the keys of {@code order}, in order. */
  public static RowComparator forKeys(List<SortOrder> order) {
    int k = order.size();
    int[] positions = new int[k];
    boolean[] ascending = new boolean[k];
    boolean[] nullsFirst = new boolean[k];
    for (int i = 0; i < k; i++) {
      positions[i] = i;
      ascending[i] = order.get(i).ascending();
      nullsFirst[i] = order.get(i).nullsFirst();
    }
    return new RowComparator(positions, ascending, nullsFirst);
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
      c = dev.ember.sql.execution.expressions.ValueOrdering.compare(x, y);
      if (c != 0) {
        return ascending[k] ? c : -c;
      }
    }
    return 0;
  }
}
