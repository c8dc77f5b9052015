package dev.ember.bench.harness;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON; enough for the report. */
final class JsonWriter {

  private JsonWriter() {
  }

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, out, indent);
    } else if (value instanceof List<?> list) {
      writeList(list, out, indent);
    } else if (value instanceof Double number) {
      out.append(number.isNaN() || number.isInfinite() ? "null" : number.toString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      writeString(value.toString(), out);
    }
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(inner);
      writeString(entry.getKey().toString(), out);
      out.append(": ");
      write(entry.getValue(), out, inner);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void writeList(List<?> list, StringBuilder out, String indent) {
    boolean simple = list.stream().noneMatch(item -> item instanceof Map || item instanceof List);
    if (simple) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(list.get(i), out, indent);
      }
      out.append(']');
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      write(list.get(i), out, inner);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
