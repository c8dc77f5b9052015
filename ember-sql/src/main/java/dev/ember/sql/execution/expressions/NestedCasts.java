package dev.ember.sql.execution.expressions;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Casts of arrays, maps, structs and binary values, as Spark's: element by element between composite types
 * of the same shape, binary to and from string as UTF-8 bytes, and composite values to string in the form
 * Spark's CAST prints ({@code [1, 2]}, {@code {a -> 1}}, {@code {1, x}}).
 */
public final class NestedCasts {

  private NestedCasts() {}

  /** Whether the cast from {@code from} to {@code to} is one of these. */
  public static boolean handles(DataType from, DataType to) {
    return isNested(from) || isNested(to);
  }

  private static boolean isNested(DataType t) {
    return t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t == DataTypes.BinaryType;
  }

  /** Whether Spark allows the cast (one of the types composite or binary). */
  public static boolean canCast(DataType from, DataType to) {
    if (from.equals(to) || from == DataTypes.NullType || to == DataTypes.StringType) {
      return true;
    }
    if (to == DataTypes.BinaryType) {
      return from == DataTypes.StringType || DataTypes.isIntegral(from);
    }
    if (from instanceof ArrayType f && to instanceof ArrayType t) {
      return CastKernels.canCast(f.elementType(), t.elementType());
    }
    if (from instanceof MapType f && to instanceof MapType t) {
      return CastKernels.canCast(f.keyType(), t.keyType()) && CastKernels.canCast(f.valueType(), t.valueType());
    }
    if (from instanceof StructType f && to instanceof StructType t && f.length() == t.length()) {
      for (int i = 0; i < f.length(); i++) {
        if (!CastKernels.canCast(f.apply(i).dataType(), t.apply(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** {@code value} (not null) cast from {@code from} to {@code to}. */
  static Object cast(Object value, DataType from, DataType to, boolean ansi, ZoneId zone) {
    if (to == DataTypes.StringType) {
      if (from == DataTypes.BinaryType) {
        return new String((byte[]) value, StandardCharsets.UTF_8);
      }
      StringBuilder sb = new StringBuilder();
      appendText(sb, value, from, zone);
      return sb.toString();
    }
    if (to == DataTypes.BinaryType) {
      return from == DataTypes.StringType ? ((String) value).getBytes(StandardCharsets.UTF_8)
          : java.math.BigInteger.valueOf(((Number) value).longValue()).toByteArray();
    }
    if (from instanceof ArrayType f && to instanceof ArrayType t) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) value) {
        out.add(element(element, f.elementType(), t.elementType(), ansi, zone));
      }
      return Collections.unmodifiableList(out);
    }
    if (from instanceof MapType f && to instanceof MapType t) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.put(element(entry.getKey(), f.keyType(), t.keyType(), ansi, zone),
            element(entry.getValue(), f.valueType(), t.valueType(), ansi, zone));
      }
      return Collections.unmodifiableMap(out);
    }
    StructType f = (StructType) from;
    StructType t = (StructType) to;
    List<?> fields = (List<?>) value;
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      out.add(element(fields.get(i), f.apply(i).dataType(), t.apply(i).dataType(), ansi, zone));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object element(Object value, DataType from, DataType to, boolean ansi, ZoneId zone) {
    return value == null || from == DataTypes.NullType ? null : CastValues.cast(value, from, to, ansi, zone);
  }

  private static void appendText(StringBuilder sb, Object value, DataType type, ZoneId zone) {
    if (value == null) {
      sb.append("null");
    } else if (type instanceof ArrayType array) {
      sb.append('[');
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        appendText(sb, list.get(i), array.elementType(), zone);
      }
      sb.append(']');
    } else if (type instanceof MapType map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        sb.append(first ? "" : ", ");
        appendText(sb, entry.getKey(), map.keyType(), zone);
        sb.append(" -> ");
        appendText(sb, entry.getValue(), map.valueType(), zone);
        first = false;
      }
      sb.append('}');
    } else if (type instanceof StructType struct) {
      sb.append('{');
      List<?> fields = (List<?>) value;
      for (int i = 0; i < fields.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        appendText(sb, fields.get(i), struct.apply(i).dataType(), zone);
      }
      sb.append('}');
    } else {
      sb.append((String) CastValues.cast(value, type, DataTypes.StringType, false, zone));
    }
  }
}
