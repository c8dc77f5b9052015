package dev.ember.sql.execution.datasources;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spark's conventions for {@code key=value} partition directories: escaping of special characters in values,
 * {@code __HIVE_DEFAULT_PARTITION__} for null, and the inference of a column's type from its values
 * (int, then bigint, double, date, string).
 */
public final class PartitionPaths {

  /** The directory name of a null partition value. */
  public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final BitSet ESCAPED = new BitSet(128);

  static {
    for (char c = 0; c < ' '; c++) {
      ESCAPED.set(c);
    }
    for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
      ESCAPED.set(c);
    }
  }

  private PartitionPaths() {}

  /** {@code value} escaped for a path segment, as Spark's {@code ExternalCatalogUtils.escapePathName}. */
  public static String escape(String value) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128 && ESCAPED.get(c)) {
        sb.append('%').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The inverse of {@link #escape}. */
  public static String unescape(String path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        try {
          sb.append((char) Integer.parseInt(path.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        } catch (NumberFormatException e) {
          // not an escape: keep the percent sign
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** The directory name {@code column=value} of a partition value (internal value of {@code type}). */
  public static String directoryName(String column, Object value, DataType type) {
    String text = value == null ? DEFAULT_PARTITION_NAME : escape(format(value, type));
    return escape(column) + "=" + text;
  }

  /** A value as its text in a path. */
  public static String format(Object value, DataType type) {
    return type == DataTypes.DateType ? LocalDate.ofEpochDay((Integer) value).toString() : value.toString();
  }

  /** The narrowest of int, bigint, double, date and string that holds every non-null raw value. */
  public static DataType inferType(List<String> rawValues) {
    DataType widest = null;
    for (String raw : rawValues) {
      if (raw == null) {
        continue;
      }
      DataType type = inferOne(raw);
      widest = widest == null ? type : widen(widest, type);
    }
    return widest == null ? DataTypes.StringType : widest;
  }

  private static DataType inferOne(String raw) {
    try {
      Integer.parseInt(raw);
      return DataTypes.IntegerType;
    } catch (NumberFormatException e) {
      // not an int
    }
    try {
      Long.parseLong(raw);
      return DataTypes.LongType;
    } catch (NumberFormatException e) {
      // not a bigint
    }
    if (!raw.isEmpty() && (Character.isDigit(raw.charAt(raw.length() - 1)) || raw.endsWith("."))) {
      try {
        Double.parseDouble(raw);
        return DataTypes.DoubleType;
      } catch (NumberFormatException e) {
        // not a double
      }
    }
    if (DATE.matcher(raw).matches() && parseDate(raw) != null) {
      return DataTypes.DateType;
    }
    return DataTypes.StringType;
  }

  private static DataType widen(DataType a, DataType b) {
    if (a == b) {
      return a;
    }
    if (a.isNumeric() && b.isNumeric()) {
      return a == DataTypes.DoubleType || b == DataTypes.DoubleType ? DataTypes.DoubleType : DataTypes.LongType;
    }
    return DataTypes.StringType;
  }

  /** {@code raw} (a partition value from a path) as an internal value of {@code type}; null if it is not one. */
  public static Object parse(String raw, DataType type) {
    if (raw == null) {
      return null;
    }
    try {
      if (type == DataTypes.IntegerType) {
        return Integer.parseInt(raw);
      }
      if (type == DataTypes.LongType) {
        return Long.parseLong(raw);
      }
      if (type == DataTypes.DoubleType) {
        return Double.parseDouble(raw);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (type == DataTypes.DateType) {
      LocalDate date = parseDate(raw);
      return date == null ? null : (int) date.toEpochDay();
    }
    if (type == DataTypes.BooleanType) {
      return raw.equalsIgnoreCase("true") ? Boolean.TRUE : raw.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }
    return raw;
  }

  private static LocalDate parseDate(String raw) {
    String[] parts = raw.split("-");
    try {
      return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
