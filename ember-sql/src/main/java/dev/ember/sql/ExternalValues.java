package dev.ember.sql;

import dev.ember.sql.execution.expressions.DateTimeUtils;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The Java classes rows hold per type, as Spark's Java API returns them: Byte, Short, Float, BigDecimal,
 * LocalDate for dates, java.sql.Timestamp for timestamps, LocalDateTime for timestamp_ntz, Period and
 * Duration for intervals; and their conversion to and from the internal values of batches.
 */
final class ExternalValues {

  private ExternalValues() {}

  /** The value a row shows for internal {@code v} of {@code type}. */
  static Object toExternal(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type == DataTypes.DateType) {
      return LocalDate.ofEpochDay((Integer) v);
    }
    if (NestedValues.isNested(type)) {
      return NestedValues.toExternal(v, type);
    }
    if (type == DataTypes.TimestampType) {
      return Timestamp.from(DateTimeUtils.microsToInstant((Long) v));
    }
    if (type == DataTypes.TimestampNTZType) {
      return DateTimeUtils.ntzToLocal((Long) v);
    }
    if (type == DataTypes.ByteType) {
      return (byte) (int) (Integer) v;
    }
    if (type == DataTypes.ShortType) {
      return (short) (int) (Integer) v;
    }
    if (type == DataTypes.FloatType) {
      return (float) (double) (Double) v;
    }
    if (type == DataTypes.DayTimeIntervalType) {
      return Duration.of((Long) v, ChronoUnit.MICROS);
    }
    if (type == DataTypes.YearMonthIntervalType) {
      return Period.ofMonths((Integer) v).normalized();
    }
    return v;
  }

  /** The internal value of external {@code v} for {@code type}, or null when the class does not fit. */
  static Object toInternal(Object v, DataType type) {
    if (NestedValues.isNested(type)) {
      return NestedValues.toInternal(v, type);
    }
    if (type instanceof DecimalType decimal && v instanceof BigDecimal d) {
      return d.setScale(decimal.scale(), RoundingMode.HALF_UP);
    }
    if (type == DataTypes.ByteType && v instanceof Byte b) {
      return (int) b;
    }
    if (type == DataTypes.ShortType && v instanceof Short s) {
      return (int) s;
    }
    if (type == DataTypes.FloatType && v instanceof Float f) {
      return (double) f;
    }
    if (type == DataTypes.TimestampType && v instanceof Timestamp t) {
      return DateTimeUtils.instantToMicros(t.toInstant());
    }
    if (type == DataTypes.TimestampType && v instanceof Instant t) {
      return DateTimeUtils.instantToMicros(t);
    }
    if (type == DataTypes.TimestampNTZType && v instanceof LocalDateTime t) {
      return DateTimeUtils.localToMicros(t);
    }
    if (type == DataTypes.DayTimeIntervalType && v instanceof Duration d) {
      return d.getSeconds() * DateTimeUtils.MICROS_PER_SECOND + d.getNano() / 1000;
    }
    if (type == DataTypes.YearMonthIntervalType && v instanceof Period p) {
      return (int) p.toTotalMonths();
    }
    return null;
  }

  /** The text {@code show()} prints for external {@code v} of {@code type}, in the session time zone. */
  static String show(Object v, DataType type, String timeZone) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof java.util.List<?> || v instanceof java.util.Map<?, ?> || v instanceof Row
        || v instanceof byte[]) {
      return NestedValues.show(v, timeZone);
    }
    if (v instanceof Timestamp t) {
      return DateTimeUtils.formatTimestamp(DateTimeUtils.instantToMicros(t.toInstant()),
          DateTimeUtils.zone(timeZone));
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeUtils.format(t);
    }
    if (v instanceof Duration d) {
      return DateTimeUtils.formatDayTime(d.getSeconds() * DateTimeUtils.MICROS_PER_SECOND + d.getNano() / 1000);
    }
    if (v instanceof Period p) {
      return DateTimeUtils.formatYearMonth((int) p.toTotalMonths());
    }
    return v.toString();
  }
}
