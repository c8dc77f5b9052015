package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Literals of the types beyond the basic ones, in their internal representation: Integer for tinyint and
 * smallint (Byte and Short accepted), Double for float, BigDecimal at its own precision and scale for
 * decimals, Long microseconds for timestamps (from {@link Instant}) and timestamp_ntz (from
 * {@link LocalDateTime}), Long microseconds for day-time intervals (from {@link Duration}).
 */
final class TypedLiterals {

  private TypedLiterals() {}

  static Literal of(Object value) {
    if (value instanceof BigDecimal d) {
      BigDecimal normalized = d.scale() < 0 ? d.setScale(0) : d;
      int precision = Math.max(normalized.precision(), normalized.scale());
      if (precision > DecimalType.MAX_PRECISION) {
        return null;
      }
      return new Literal(normalized, new DecimalType(precision, normalized.scale()));
    }
    if (value instanceof Byte b) {
      return new Literal((int) b, DataTypes.ByteType);
    }
    if (value instanceof Short s) {
      return new Literal((int) s, DataTypes.ShortType);
    }
    if (value instanceof Float f) {
      return new Literal((double) f, DataTypes.FloatType);
    }
    if (value instanceof Instant instant) {
      return new Literal(micros(instant), DataTypes.TimestampType);
    }
    if (value instanceof java.sql.Timestamp t) {
      return new Literal(micros(t.toInstant()), DataTypes.TimestampType);
    }
    if (value instanceof LocalDateTime t) {
      return new Literal(micros(t.toInstant(ZoneOffset.UTC)), DataTypes.TimestampNTZType);
    }
    if (value instanceof Duration d) {
      return new Literal(d.getSeconds() * 1_000_000L + d.getNano() / 1000, DataTypes.DayTimeIntervalType);
    }
    return null;
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  /** The name Spark gives a column holding only this value, or null for the basic types. */
  static String pretty(Object value, DataType type) {
    return type == DataTypes.ByteType || type == DataTypes.ShortType ? null : sql(value, type);
  }

  /** The SQL text of a non-NULL value, or null for the basic types. */
  static String sql(Object value, DataType type) {
    if (type == DataTypes.BinaryType) {
      return "X'" + java.util.HexFormat.of().withUpperCase().formatHex((byte[]) value) + "'";
    }
    if (type instanceof DecimalType) {
      return ((BigDecimal) value).toPlainString();
    }
    if (type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType) {
      long micros = (Long) value;
      LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      String text = t.toString().replace('T', ' ');
      return (type == DataTypes.TimestampType ? "TIMESTAMP '" : "TIMESTAMP_NTZ '") + text + "'";
    }
    if (type == DataTypes.DayTimeIntervalType) {
      long micros = (Long) value;
      if (micros % 86_400_000_000L == 0) {
        return "INTERVAL '" + micros / 86_400_000_000L + "' DAY";
      }
      return "INTERVAL '" + micros / 1_000_000.0 + "' SECOND";
    }
    if (type == DataTypes.YearMonthIntervalType) {
      int months = (Integer) value;
      return months % 12 == 0 ? "INTERVAL '" + months / 12 + "' YEAR" : "INTERVAL '" + months + "' MONTH";
    }
    if (type == DataTypes.ByteType || type == DataTypes.ShortType) {
      return value + (type == DataTypes.ByteType ? "Y" : "S");
    }
    if (type == DataTypes.FloatType) {
      return Float.toString((float) (double) (Double) value);
    }
    return null;
  }
}
