package dev.ember.sql;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row values of arrays, maps, structs and binary as Spark's Java API gives them — {@link List}, {@link Map},
 * {@link Row} and {@code byte[]} — converted to and from the internal values of batches (lists, maps and
 * lists of field values), and their text in {@code show()}.
 */
final class NestedValues {

  private NestedValues() {}

  /** Whether {@code type} is one of the nested types or binary. */
  static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType
        || type == DataTypes.BinaryType;
  }

  /** The external value of internal {@code v} (not null) of nested {@code type}. */
  static Object toExternal(Object v, DataType type) {
    if (type instanceof ArrayType array) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) v) {
        out.add(ExternalValues.toExternal(element, array.elementType()));
      }
      return Collections.unmodifiableList(out);
    }
    if (type instanceof MapType map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
        out.put(ExternalValues.toExternal(entry.getKey(), map.keyType()),
            ExternalValues.toExternal(entry.getValue(), map.valueType()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (type instanceof StructType struct) {
      List<?> fields = (List<?>) v;
      Object[] out = new Object[struct.length()];
      for (int f = 0; f < out.length; f++) {
        out[f] = ExternalValues.toExternal(fields.get(f), struct.apply(f).dataType());
      }
      return new Row(out, struct);
    }
    return v;
  }

  /** The internal value of external {@code v} (not null) for nested {@code type}, or null when it does not fit. */
  static Object toInternal(Object v, DataType type) {
    if (type instanceof ArrayType array && (v instanceof List<?> || v instanceof Object[])) {
      List<?> elements = v instanceof Object[] objects ? java.util.Arrays.asList(objects) : (List<?>) v;
      List<Object> out = new ArrayList<>(elements.size());
      for (Object element : elements) {
        out.add(internal(element, array.elementType()));
      }
      return Collections.unmodifiableList(out);
    }
    if (type instanceof MapType map && v instanceof Map<?, ?> entries) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        out.put(internal(entry.getKey(), map.keyType()), internal(entry.getValue(), map.valueType()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (type instanceof StructType struct && v instanceof Row row && row.size() == struct.length()) {
      List<Object> out = new ArrayList<>(row.size());
      for (int f = 0; f < row.size(); f++) {
        out.add(internal(row.get(f), struct.apply(f).dataType()));
      }
      return Collections.unmodifiableList(out);
    }
    if (type == DataTypes.BinaryType && v instanceof byte[]) {
      return v;
    }
    return null;
  }

  private static Object internal(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    Object converted = ExternalValues.toInternal(v, type);
    if (converted != null) {
      return converted;
    }
    if (v instanceof java.time.LocalDate date && type == DataTypes.DateType) {
      return (int) date.toEpochDay();
    }
    return v;
  }

  /** The text {@code show()} prints for a nested external value: {@code [1, 2]}, {@code {a -> 1}}, ... */
  static String show(Object v, String timeZone) {
    StringBuilder sb = new StringBuilder();
    appendShown(sb, v, timeZone);
    return sb.toString();
  }

  private static void appendShown(StringBuilder sb, Object v, String timeZone) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        appendShown(sb, list.get(i), timeZone);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        sb.append(first ? "" : ", ");
        appendShown(sb, entry.getKey(), timeZone);
        sb.append(" -> ");
        appendShown(sb, entry.getValue(), timeZone);
        first = false;
      }
      sb.append('}');
    } else if (v instanceof Row row) {
      sb.append('{');
      for (int i = 0; i < row.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        appendShown(sb, row.get(i), timeZone);
      }
      sb.append('}');
    } else if (v instanceof byte[] bytes) {
      sb.append('[');
      for (int i = 0; i < bytes.length; i++) {
        sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
      }
      sb.append(']');
    } else {
      sb.append(ExternalValues.show(v, null, timeZone));
    }
  }
}
