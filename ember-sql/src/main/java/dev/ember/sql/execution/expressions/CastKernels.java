package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * CAST between types with Spark's non-ANSI semantics: a value that does not convert becomes NULL, integral
 * narrowing wraps, fractional to integral truncates toward zero. Widening numeric casts run as primitive
 * loops; the others convert value by value.
 */
public final class CastKernels {

  private CastKernels() {}

  /** Whether Spark allows casting {@code from} to {@code to}. */
  public static boolean canCast(DataType from, DataType to) {
    if (from.equals(to) || from == DataTypes.NullType || to == DataTypes.StringType
        || from == DataTypes.StringType) {
      return true;
    }
    boolean fromNumberOrBool = from.isNumeric() || from == DataTypes.BooleanType;
    boolean toNumberOrBool = to.isNumeric() || to == DataTypes.BooleanType;
    return fromNumberOrBool && toNumberOrBool;
  }

  static ColumnVector cast(ColumnVector v, DataType to, int n) {
    DataType from = v.dataType();
    if (from.equals(to)) {
      return v;
    }
    if (v instanceof IntColumnVector in && from == DataTypes.IntegerType && to == DataTypes.LongType) {
      LongColumnVector out = new LongColumnVector(to, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = in.values[i];
      }
      return out;
    }
    if (to == DataTypes.DoubleType && (v instanceof IntColumnVector || v instanceof LongColumnVector)) {
      DoubleColumnVector out = new DoubleColumnVector(to, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      if (v instanceof IntColumnVector in) {
        for (int i = 0; i < n; i++) {
          out.values[i] = in.values[i];
        }
      } else {
        long[] values = ((LongColumnVector) v).values;
        for (int i = 0; i < n; i++) {
          out.values[i] = values[i];
        }
      }
      return out;
    }
    ColumnVector out = ColumnVectors.allocate(to, n);
    for (int i = 0; i < n; i++) {
      out.setBoxed(i, castValue(v.getBoxed(i), from, to));
    }
    return out;
  }

  /** One value (internal representation) cast from {@code from} to {@code to}; null when it does not convert. */
  public static Object castValue(Object value, DataType from, DataType to) {
    if (value == null || from.equals(to)) {
      return value;
    }
    if (to == DataTypes.StringType) {
      return toStringValue(value, from);
    }
    if (from == DataTypes.StringType) {
      return fromString(((String) value).trim(), to);
    }
    if (from == DataTypes.BooleanType) {
      boolean b = (Boolean) value;
      return fromNumber(b ? 1L : 0L, b ? 1.0 : 0.0, to);
    }
    Number number = (Number) value;
    if (from == DataTypes.DoubleType) {
      double d = number.doubleValue();
      if (to == DataTypes.IntegerType) {
        return (int) d;
      }
      return fromNumber((long) d, d, to);
    }
    return fromNumber(number.longValue(), number.doubleValue(), to);
  }

  private static Object fromNumber(long integral, double fractional, DataType to) {
    if (to == DataTypes.IntegerType) {
      return (int) integral;
    }
    if (to == DataTypes.LongType) {
      return integral;
    }
    if (to == DataTypes.DoubleType) {
      return fractional;
    }
    if (to == DataTypes.BooleanType) {
      return fractional != 0.0;
    }
    return null;
  }

  private static String toStringValue(Object value, DataType from) {
    if (from == DataTypes.DateType) {
      return LocalDate.ofEpochDay((Integer) value).toString();
    }
    return value.toString();
  }

  private static Object fromString(String s, DataType to) {
    try {
      if (to == DataTypes.IntegerType || to == DataTypes.LongType) {
        BigDecimal decimal = new BigDecimal(s);
        long truncated = decimal.longValue();
        if (decimal.compareTo(BigDecimal.valueOf(to == DataTypes.IntegerType ? Integer.MIN_VALUE : Long.MIN_VALUE))
            < 0 || decimal.compareTo(BigDecimal.valueOf(to == DataTypes.IntegerType ? Integer.MAX_VALUE
            : Long.MAX_VALUE)) > 0) {
          return null;
        }
        return to == DataTypes.IntegerType ? (Object) (int) truncated : (Object) truncated;
      }
      if (to == DataTypes.DoubleType) {
        return parseDouble(s);
      }
      if (to == DataTypes.BooleanType) {
        return switch (s.toLowerCase(Locale.ROOT)) {
          case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
          case "f", "false", "n", "no", "0" -> Boolean.FALSE;
          default -> null;
        };
      }
      if (to == DataTypes.DateType) {
        return parseDate(s);
      }
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  private static Double parseDouble(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity") || lower.equals("+infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("-inf") || lower.equals("-infinity")) {
      return Double.NEGATIVE_INFINITY;
    }
    char last = lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1);
    if (last == 'd' || last == 'f') {
      return null;
    }
    return Double.parseDouble(s);
  }

  /** Days since 1970-01-01 of {@code yyyy}, {@code yyyy-[m]m} or {@code yyyy-[m]m-[d]d[ time]}. */
  private static Integer parseDate(String s) {
    int end = s.length();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == 'T') {
        end = i;
        break;
      }
    }
    String[] parts = s.substring(0, end).split("-", -1);
    if (parts.length > 3 || parts[0].length() != 4) {
      return null;
    }
    int year = Integer.parseInt(parts[0]);
    int month = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
    int day = parts.length > 2 ? Integer.parseInt(parts[2]) : 1;
    return (int) LocalDate.of(year, month, day).toEpochDay();
  }
}
