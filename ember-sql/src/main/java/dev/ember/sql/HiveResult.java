package dev.ember.sql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The text of a result value as the {@code ember-sql} shell (and Spark's {@code spark-sql}) prints it in
 * its tab-separated output: nested values in a JSON-like form — {@code [1,2,3]}, {@code {"a":1}},
 * {@code {"a":1,"b":"x"}} for a struct — with strings quoted inside them, and {@code NULL} / {@code null}
 * for a NULL at the top and inside.
 *
 * <pre>{@code
 * HiveResult.toHiveString(List.of(1, 2, 3));   // "[1,2,3]"
 * }</pre>
 */
public final class HiveResult {

  private HiveResult() {}

  /** The text of {@code value}, a value of a result row (as {@link Row#get} returns it). */
  public static String toHiveString(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof List<?> || value instanceof Map<?, ?> || value instanceof Row) {
      StringBuilder sb = new StringBuilder();
      appendNested(sb, value);
      return sb.toString();
    }
    return value.toString();
  }

  private static void appendNested(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        appendNested(sb, list.get(i));
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        sb.append(first ? "" : ",");
        appendNested(sb, entry.getKey());
        sb.append(':');
        appendNested(sb, entry.getValue());
        first = false;
      }
      sb.append('}');
    } else if (v instanceof Row row) {
      sb.append('{');
      for (int i = 0; i < row.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        quote(sb, row.schema().apply(i).name());
        sb.append(':');
        appendNested(sb, row.get(i));
      }
      sb.append('}');
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    } else {
      quote(sb, v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v.toString());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    sb.append('"');
  }
}
