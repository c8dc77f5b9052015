package dev.ember.sql.execution.spill;

import java.math.BigDecimal;

/**
 * Estimates of the heap bytes of rows of boxed internal values: the array (16-byte header, 8 bytes a slot),
 * each boxed primitive 16 bytes, a decimal 48, a string 40 plus two bytes a character.
 */
public final class RowSizes {

  private RowSizes() {}

  /** The estimated heap bytes of {@code row} and its values. */
  public static long estimate(Object[] row) {
    long bytes = 16 + 8L * row.length;
    for (Object value : row) {
      bytes += estimate(value);
    }
    return bytes;
  }

  /** The estimated heap bytes of one boxed value (0 for NULL). */
  public static long estimate(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String s) {
      return 40 + 2L * s.length();
    }
    if (value instanceof BigDecimal) {
      return 48;
    }
    if (value instanceof java.util.Collection<?> values) {
      long bytes = 32 + 8L * values.size();
      for (Object v : values) {
        bytes += estimate(v);
      }
      return bytes;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      return 48 + 40L * map.size() + estimate(map.keySet()) + estimate(map.values());
    }
    if (value instanceof byte[] bytes) {
      return 16 + bytes.length;
    }
    return 16;
  }
}
