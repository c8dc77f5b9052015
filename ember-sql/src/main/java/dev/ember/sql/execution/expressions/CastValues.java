package dev.ember.sql.execution.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * CAST of one non-NULL value in the internal representation: Integer for tinyint, smallint, int, date and
 * year-month intervals; Long for bigint, timestamps and day-time intervals; Double for float and double;
 * BigDecimal (at the type's scale) for decimals; String; Boolean.
 */
final class CastValues {

  private CastValues() {}

  static Object cast(Object value, DataType from, DataType to, boolean ansi, ZoneId zone) {
    if (from.equals(to)) {
      return value;
    }
    if (NestedCasts.handles(from, to)) {
      return NestedCasts.cast(value, from, to, ansi, zone);
    }
    if (to == DataTypes.StringType) {
      return toText(value, from, zone);
    }
    if (from == DataTypes.StringType) {
      Object result = fromText(((String) value).trim(), to, ansi, zone);
      if (result == null && ansi) {
        throw CastKernels.invalidInput(value, from, to);
      }
      return result;
    }
    if (from == DataTypes.BooleanType) {
      boolean b = (Boolean) value;
      return fromDecimal(b ? BigDecimal.ONE : BigDecimal.ZERO, from, to, ansi, zone, value);
    }
    if (from == DataTypes.DateType || from == DataTypes.TimestampType || from == DataTypes.TimestampNTZType) {
      return fromDateTime(value, from, to, zone);
    }
    if (DataTypes.isFractional(from)) {
      double d = (Double) value;
      if (to == DataTypes.DoubleType) {
        return d;
      }
      if (to == DataTypes.FloatType) {
        return (double) (float) d;
      }
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        if (ansi && to != DataTypes.BooleanType) {
          throw CastKernels.overflow(d, from, to);
        }
        return to == DataTypes.BooleanType ? (Object) (d != 0) : integralOrNull(to, 0L, d);
      }
      if (to == DataTypes.TimestampType) {
        return (long) (d * DateTimeUtils.MICROS_PER_SECOND);
      }
      if (DataTypes.isIntegral(to)) {
        return fractionalToIntegral(d, from, to, ansi);
      }
      return fromDecimal(BigDecimal.valueOf(d), from, to, ansi, zone, value);
    }
    if (from instanceof DecimalType) {
      return fromDecimal((BigDecimal) value, from, to, ansi, zone, value);
    }
    long integral = ((Number) value).longValue();
    if (to == DataTypes.TimestampType) {
      return Math.multiplyExact(integral, DateTimeUtils.MICROS_PER_SECOND);
    }
    if (DataTypes.isIntegral(to)) {
      return narrowIntegral(integral, from, to, ansi);
    }
    return fromDecimal(BigDecimal.valueOf(integral), from, to, ansi, zone, value);
  }

  /** Spark's non-ANSI double to integral: saturate to int (or long), then wrap to 8 or 16 bits. */
  private static Object fractionalToIntegral(double d, DataType from, DataType to, boolean ansi) {
    if (to == DataTypes.LongType) {
      if (ansi && (d >= 0x1p63 || d < -0x1p63)) {
        throw CastKernels.overflow(d, from, to);
      }
      return (long) d;
    }
    int truncated = (int) d;
    if (ansi && (d >= 0x1p31 || d < -0x1p31)) {
      throw CastKernels.overflow(d, from, to);
    }
    return narrowIntegral(truncated, from, to, ansi);
  }

  private static Object integralOrNull(DataType to, long integral, double d) {
    return DataTypes.isIntegral(to) ? narrowIntegral(integral, DataTypes.DoubleType, to, false) : null;
  }

  /** Integral {@code x} as {@code to}: wraps in non-ANSI mode, CAST_OVERFLOW in ANSI. */
  static Object narrowIntegral(long x, DataType from, DataType to, boolean ansi) {
    long wrapped;
    if (to == DataTypes.ByteType) {
      wrapped = (byte) x;
    } else if (to == DataTypes.ShortType) {
      wrapped = (short) x;
    } else if (to == DataTypes.IntegerType) {
      wrapped = (int) x;
    } else {
      return x;
    }
    if (ansi && wrapped != x) {
      throw CastKernels.overflow(x, from, to);
    }
    return (int) wrapped;
  }

  private static Object fromDecimal(BigDecimal d, DataType from, DataType to, boolean ansi, ZoneId zone,
      Object original) {
    if (to == DataTypes.BooleanType) {
      return d.signum() != 0;
    }
    if (to == DataTypes.DoubleType) {
      return d.doubleValue();
    }
    if (to == DataTypes.FloatType) {
      return (double) d.floatValue();
    }
    if (to instanceof DecimalType decimal) {
      BigDecimal rounded = d.setScale(decimal.scale(), RoundingMode.HALF_UP);
      if (!DecimalKernels.fits(rounded, decimal)) {
        if (ansi) {
          throw CastKernels.overflow(original, from, to);
        }
        return null;
      }
      return rounded;
    }
    if (DataTypes.isIntegral(to)) {
      BigDecimal truncated = d.setScale(0, RoundingMode.DOWN);
      if (truncated.unscaledValue().bitLength() > 63) {
        if (ansi) {
          throw CastKernels.overflow(original, from, to);
        }
        return narrowIntegral(truncated.toBigInteger().longValue(), from, to, false);
      }
      return narrowIntegral(truncated.longValueExact(), from, to, ansi);
    }
    if (to == DataTypes.TimestampType) {
      return d.movePointRight(6).setScale(0, RoundingMode.DOWN).longValue();
    }
    return null;
  }

  private static Object fromDateTime(Object value, DataType from, DataType to, ZoneId zone) {
    if (from == DataTypes.DateType) {
      int days = (Integer) value;
      if (to == DataTypes.TimestampType) {
        return DateTimeUtils.dateToMicros(days, zone);
      }
      return to == DataTypes.TimestampNTZType ? days * DateTimeUtils.MICROS_PER_DAY : null;
    }
    long micros = (Long) value;
    if (from == DataTypes.TimestampNTZType) {
      if (to == DataTypes.DateType) {
        return (int) Math.floorDiv(micros, DateTimeUtils.MICROS_PER_DAY);
      }
      return to == DataTypes.TimestampType
          ? DateTimeUtils.instantToMicros(DateTimeUtils.ntzToLocal(micros).atZone(zone).toInstant()) : null;
    }
    if (to == DataTypes.DateType) {
      return DateTimeUtils.microsToDate(micros, zone);
    }
    if (to == DataTypes.TimestampNTZType) {
      return DateTimeUtils.localToMicros(DateTimeUtils.toLocal(micros, zone));
    }
    long seconds = Math.floorDiv(micros, DateTimeUtils.MICROS_PER_SECOND);
    if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
      return micros / (double) DateTimeUtils.MICROS_PER_SECOND;
    }
    if (to instanceof DecimalType) {
      return fromDecimal(BigDecimal.valueOf(micros, 6), from, to, false, zone, value);
    }
    if (to == DataTypes.BooleanType) {
      return micros != 0;
    }
    return narrowIntegral(seconds, from, to, false);
  }

  static String toText(Object value, DataType from, ZoneId zone) {
    if (from == DataTypes.DateType) {
      return LocalDate.ofEpochDay((Integer) value).toString();
    }
    if (from == DataTypes.TimestampType) {
      return DateTimeUtils.formatTimestamp((Long) value, zone);
    }
    if (from == DataTypes.TimestampNTZType) {
      return DateTimeUtils.format(DateTimeUtils.ntzToLocal((Long) value));
    }
    if (from instanceof DecimalType) {
      return ((BigDecimal) value).toPlainString();
    }
    if (from == DataTypes.FloatType) {
      return Float.toString((float) (double) (Double) value);
    }
    if (from == DataTypes.DayTimeIntervalType) {
      return DateTimeUtils.formatDayTime((Long) value);
    }
    if (from == DataTypes.YearMonthIntervalType) {
      return DateTimeUtils.formatYearMonth((Integer) value);
    }
    return value.toString();
  }

  private static Object fromText(String s, DataType to, boolean ansi, ZoneId zone) {
    try {
      if (DataTypes.isIntegral(to)) {
        if (ansi && !s.matches("[+-]?\\d+")) {
          return null;
        }
        BigDecimal decimal = new BigDecimal(s).setScale(0, RoundingMode.DOWN);
        if (decimal.unscaledValue().bitLength() > 63) {
          return null;
        }
        long x = decimal.longValueExact();
        Object narrowed = narrowIntegral(x, DataTypes.LongType, to, false);
        return ((Number) narrowed).longValue() == x ? narrowed : null;
      }
      if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
        Double d = parseDouble(s);
        return d == null || to == DataTypes.DoubleType ? d : (Object) (double) (float) (double) d;
      }
      if (to instanceof DecimalType decimal) {
        BigDecimal rounded = new BigDecimal(s).setScale(decimal.scale(), RoundingMode.HALF_UP);
        return DecimalKernels.fits(rounded, decimal) ? rounded : null;
      }
      if (to == DataTypes.BooleanType) {
        return switch (s.toLowerCase(Locale.ROOT)) {
          case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
          case "f", "false", "n", "no", "0" -> Boolean.FALSE;
          default -> null;
        };
      }
      if (to == DataTypes.DateType) {
        return DateTimeUtils.parseDate(s);
      }
      if (to == DataTypes.TimestampType) {
        return DateTimeUtils.parseTimestamp(s, zone);
      }
      if (to == DataTypes.TimestampNTZType) {
        return DateTimeUtils.parseTimestamp(s, null);
      }
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
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
}
