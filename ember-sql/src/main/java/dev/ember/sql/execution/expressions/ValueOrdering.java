package dev.ember.sql.execution.expressions;

import java.util.List;

/** The natural order of internal values (numbers, strings, booleans, arrays and structs element-wise). */
public final class ValueOrdering {

  private ValueOrdering() {}

  /** Compares two non-NULL internal values of one type; NULLs inside lists sort first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object x, Object y) {
    if (x instanceof List<?> l && y instanceof List<?> r) {
      for (int i = 0; i < Math.min(l.size(), r.size()); i++) {
        Object a = l.get(i);
        Object b = r.get(i);
        int c = a == null || b == null ? (a == b ? 0 : a == null ? -1 : 1) : compare(a, b);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(l.size(), r.size());
    }
    if (x instanceof byte[] a && y instanceof byte[] b) {
      return java.util.Arrays.compareUnsigned(a, b);
    }
    return ((Comparable) x).compareTo(y);
  }
}
