package dev.ember.sql.execution.expressions;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Equality and hashing of internal values as grouping, join and partitioning keys: binary values (byte
 * arrays) by their bytes, also inside arrays, structs and maps; other values by {@link Object#equals}.
 */
public final class ValueKeys {

  private ValueKeys() {}

  /** A hash of {@code value} consistent with {@link #equal}; 0 for NULL. */
  public static int hash(Object value) {
    if (value instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    if (value instanceof List<?> list) {
      int h = 1;
      for (Object element : list) {
        h = 31 * h + hash(element);
      }
      return h;
    }
    if (value instanceof Map<?, ?> map) {
      int h = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        h += hash(entry.getKey()) ^ hash(entry.getValue());
      }
      return h;
    }
    return value == null ? 0 : value.hashCode();
  }

  /** Whether {@code a} and {@code b} are the same key; two NULLs are. */
  public static boolean equal(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return x.size() == y.size() && x.entrySet().stream().allMatch(e -> y.containsKey(e.getKey())
          && equal(e.getValue(), y.get(e.getKey())));
    }
    return java.util.Objects.equals(a, b);
  }

  /** Whether two rows of keys are equal element by element. */
  public static boolean equal(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!equal(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }

  /** A hash of a row of keys consistent with {@link #equal(Object[], Object[])}. */
  public static int hash(Object[] values) {
    int h = 1;
    for (Object value : values) {
      h = 31 * h + hash(value);
    }
    return h;
  }
}
