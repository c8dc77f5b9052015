package dev.ember.sql.execution.expressions;

import java.util.List;

/** The natural order of internal values (numbers, strings, booleans, arrays and structs element-wise). */
public final class ValueOrdering {

  private ValueOrdering() {}

  /** Compares two non-NULL internal values of one type; NULLs inside lists sort first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object x, Object y) {
    // The common kinds first: a test for a final class is one pointer comparison, where the interface tests
    // below search the class's supertypes, and the generic compareTo is an interface call sorts make millions of.
    if (x instanceof String a) {
      return a.compareTo((String) y);
    }
    if (x instanceof Long a) {
      return Long.compare(a, (Long) y);
    }
    if (x instanceof Integer a) {
      return Integer.compare(a, (Integer) y);
    }
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
