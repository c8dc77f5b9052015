package dev.ember.sql.execution.aggregate;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a list of column values (Integer, Long, Double, BigDecimal, String, Boolean, as column vectors box
 * them) into one string and back, so a group's collected values can travel as a single STRING buffer column
 * through the exchange and the aggregation's spill files. Each value is a type letter, the length of its text,
 * a colon and the text; doubles print in Java's shortest round-trip form, so nothing is lost.
 */
final class ValueListCodec {

  private ValueListCodec() {}

  static String encode(List<Object> values) {
    StringBuilder out = new StringBuilder(values.size() * 4);
    for (Object v : values) {
      String text = v instanceof BigDecimal d ? d.toString() : String.valueOf(v);
      out.append(tag(v)).append(text.length()).append(':').append(text);
    }
    return out.toString();
  }

  private static char tag(Object v) {
    if (v instanceof Integer) {
      return 'I';
    } else if (v instanceof Long) {
      return 'L';
    } else if (v instanceof Double) {
      return 'D';
    } else if (v instanceof BigDecimal) {
      return 'M';
    } else if (v instanceof Boolean) {
      return 'Z';
    } else if (v instanceof String) {
      return 'S';
    }
    throw new IllegalStateException("cannot collect a value of " + v.getClass().getName() + "; this is a bug");
  }

  static void decodeInto(String encoded, List<Object> into) {
    int pos = 0;
    while (pos < encoded.length()) {
      char tag = encoded.charAt(pos);
      int colon = encoded.indexOf(':', pos + 1);
      int length = Integer.parseInt(encoded, pos + 1, colon, 10);
      String text = encoded.substring(colon + 1, colon + 1 + length);
      pos = colon + 1 + length;
      into.add(switch (tag) {
        case 'I' -> Integer.valueOf(text);
        case 'L' -> Long.valueOf(text);
        case 'D' -> Double.valueOf(text);
        case 'M' -> new BigDecimal(text);
        case 'Z' -> Boolean.valueOf(text);
        case 'S' -> text;
        default -> throw new IllegalStateException("corrupt value list at " + pos + "; this is a bug");
      });
    }
  }
}
