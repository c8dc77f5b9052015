package dev.ember.sql.execution.expressions;

import static dev.ember.sql.execution.expressions.KernelSupport.allocateWithNulls;
import static dev.ember.sql.execution.expressions.KernelSupport.ints;
import static dev.ember.sql.execution.expressions.KernelSupport.longs;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * Date and time kernels. Dates are int days, so field extraction goes through {@link LocalDate}; timestamps
 * are long microseconds read in the session time zone the function carries.
 */
final class DateTimeKernels {

  private DateTimeKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("date_add", (f, a, n) -> KernelSupport.intIntToInt(DataTypes.DateType, a[0], a[1], n, Math::addExact));
    k.put("date_sub", (f, a, n) -> KernelSupport.intIntToInt(DataTypes.DateType, a[0], a[1], n,
        Math::subtractExact));
    k.put("datediff", (f, a, n) -> KernelSupport.intIntToInt(DataTypes.IntegerType, a[0], a[1], n,
        (x, y) -> x - y));
    k.put("date_add_ym_interval", (f, a, n) -> KernelSupport.intIntToInt(DataTypes.DateType, a[0], a[1], n,
        (d, m) -> (int) LocalDate.ofEpochDay(d).plusMonths(m).toEpochDay()));
    k.put("add_months", (f, a, n) -> KernelSupport.intIntToInt(DataTypes.DateType, a[0], a[1], n,
        (d, m) -> (int) LocalDate.ofEpochDay(d).plusMonths(m).toEpochDay()));
    k.put("timestamp_add_interval", (f, a, n) -> KernelSupport.longLongToLong(f.dataType(), a[0], a[1], n,
        Math::addExact));
    k.put("timestamp_add_ym_interval", DateTimeKernels::addMonthsToTimestamp);
    k.put("subtract_dates", (f, a, n) -> {
      LongColumnVector out = (LongColumnVector) allocateWithNulls(DataTypes.DayTimeIntervalType, a, n);
      int[] x = ints(a[0]);
      int[] y = ints(a[1]);
      for (int i = 0; i < n; i++) {
        out.values[i] = (x[i] - (long) y[i]) * DateTimeUtils.MICROS_PER_DAY;
      }
      return out;
    });
    k.put("subtract_timestamps", (f, a, n) -> KernelSupport.longLongToLong(DataTypes.DayTimeIntervalType, a[0],
        a[1], n, Math::subtractExact));
    k.put("interval_add", (f, a, n) -> f.dataType() == DataTypes.YearMonthIntervalType
        ? KernelSupport.intIntToInt(f.dataType(), a[0], a[1], n, Math::addExact)
        : KernelSupport.longLongToLong(f.dataType(), a[0], a[1], n, Math::addExact));
    k.put("interval_subtract", (f, a, n) -> f.dataType() == DataTypes.YearMonthIntervalType
        ? KernelSupport.intIntToInt(f.dataType(), a[0], a[1], n, Math::subtractExact)
        : KernelSupport.longLongToLong(f.dataType(), a[0], a[1], n, Math::subtractExact));
    k.put("year", (f, a, n) -> dateField(a[0], n, d -> LocalDate.ofEpochDay(d).getYear()));
    k.put("month", (f, a, n) -> dateField(a[0], n, d -> LocalDate.ofEpochDay(d).getMonthValue()));
    k.put("dayofmonth", (f, a, n) -> dateField(a[0], n, d -> LocalDate.ofEpochDay(d).getDayOfMonth()));
    k.put("dayofyear", (f, a, n) -> dateField(a[0], n, d -> LocalDate.ofEpochDay(d).getDayOfYear()));
    k.put("quarter", (f, a, n) -> dateField(a[0], n, d -> (LocalDate.ofEpochDay(d).getMonthValue() + 2) / 3));
    // Spark's dayofweek: 1 = Sunday ... 7 = Saturday; weekday: 0 = Monday.
    k.put("dayofweek", (f, a, n) -> dateField(a[0], n, d -> LocalDate.ofEpochDay(d).getDayOfWeek().getValue()
        % 7 + 1));
    k.put("weekday", (f, a, n) -> dateField(a[0], n, d -> LocalDate.ofEpochDay(d).getDayOfWeek().getValue() - 1));
    k.put("weekofyear", (f, a, n) -> dateField(a[0], n,
        d -> LocalDate.ofEpochDay(d).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    k.put("last_day", (f, a, n) -> dateField(a[0], n,
        d -> (int) LocalDate.ofEpochDay(d).with(TemporalAdjusters.lastDayOfMonth()).toEpochDay()));
    k.put("hour", (f, a, n) -> timeField(f, a[0], n, t -> t.getHour()));
    k.put("minute", (f, a, n) -> timeField(f, a[0], n, t -> t.getMinute()));
    k.put("second", (f, a, n) -> timeField(f, a[0], n, t -> t.getSecond()));
    k.put("next_day", DateTimeKernels::nextDay);
    k.put("months_between", DateTimeKernels::monthsBetween);
    k.put("make_date", DateTimeKernels::makeDate);
    k.put("unix_timestamp", (f, a, n) -> {
      LongColumnVector out = (LongColumnVector) allocateWithNulls(DataTypes.LongType, a, n);
      long[] in = longs(a[0]);
      for (int i = 0; i < n; i++) {
        out.values[i] = Math.floorDiv(in[i], DateTimeUtils.MICROS_PER_SECOND);
      }
      return out;
    });
    DateFormatKernels.register(k);
  }

  private static ColumnVector dateField(ColumnVector days, int n, java.util.function.IntUnaryOperator field) {
    return KernelSupport.intToInt(DataTypes.IntegerType, days, n, field);
  }

  private static ColumnVector timeField(ScalarFunction f, ColumnVector micros, int n,
      java.util.function.ToIntFunction<LocalDateTime> field) {
    ZoneId zone = DateTimeUtils.zone(f.timeZone());
    return KernelSupport.longToInt(DataTypes.IntegerType, micros, n,
        t -> field.applyAsInt(DateTimeUtils.toLocal(t, zone)));
  }

  private static ColumnVector addMonthsToTimestamp(ScalarFunction f, ColumnVector[] a, int n) {
    ZoneId zone = f.dataType() == DataTypes.TimestampNTZType ? java.time.ZoneOffset.UTC
        : DateTimeUtils.zone(f.timeZone());
    LongColumnVector out = (LongColumnVector) allocateWithNulls(f.dataType(), a, n);
    long[] t = longs(a[0]);
    int[] months = ints(a[1]);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = DateTimeUtils.instantToMicros(DateTimeUtils.toZoned(t[i], zone).plusMonths(months[i])
            .toInstant());
      }
    }
    return out;
  }

  private static ColumnVector nextDay(ScalarFunction f, ColumnVector[] a, int n) {
    IntColumnVector out = (IntColumnVector) allocateWithNulls(DataTypes.DateType, a, n);
    int[] days = ints(a[0]);
    String[] names = KernelSupport.strings(a[1]);
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      DayOfWeek target = dayOfWeek(names[i]);
      if (target == null) {
        out.nulls[i] = true;
      } else {
        out.values[i] = (int) LocalDate.ofEpochDay(days[i]).with(TemporalAdjusters.next(target)).toEpochDay();
      }
    }
    return out;
  }

  private static DayOfWeek dayOfWeek(String name) {
    String s = name.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name();
      if (s.equals(full) || s.equals(full.substring(0, 2)) || s.equals(full.substring(0, 3))) {
        return d;
      }
    }
    return null;
  }

  /**
   * Spark's months_between: whole months when both days are the same day of month or both the last day of
   * their months, otherwise months plus the difference in seconds over a 31-day month; rounded to 8 digits.
   */
  private static ColumnVector monthsBetween(ScalarFunction f, ColumnVector[] a, int n) {
    ZoneId zone = DateTimeUtils.zone(f.timeZone());
    DoubleColumnVector out = (DoubleColumnVector) allocateWithNulls(DataTypes.DoubleType, a, n);
    long[] x = longs(a[0]);
    long[] y = longs(a[1]);
    boolean[] roundOff = a.length > 2 ? ((dev.ember.sql.execution.vector.BooleanColumnVector) a[2]).values : null;
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      LocalDateTime t1 = DateTimeUtils.toLocal(x[i], zone);
      LocalDateTime t2 = DateTimeUtils.toLocal(y[i], zone);
      int months = (t1.getYear() - t2.getYear()) * 12 + t1.getMonthValue() - t2.getMonthValue();
      boolean lastDays = t1.getDayOfMonth() == t1.toLocalDate().lengthOfMonth()
          && t2.getDayOfMonth() == t2.toLocalDate().lengthOfMonth();
      double value;
      if (t1.getDayOfMonth() == t2.getDayOfMonth() || lastDays) {
        value = months;
      } else {
        long seconds1 = (t1.getDayOfMonth() - 1) * 86_400L + t1.toLocalTime().toSecondOfDay();
        long seconds2 = (t2.getDayOfMonth() - 1) * 86_400L + t2.toLocalTime().toSecondOfDay();
        value = months + (seconds1 - seconds2) / (31.0 * 86_400);
      }
      boolean round = roundOff == null || roundOff[i];
      out.values[i] = round ? Math.round(value * 1e8) / 1e8 : value;
    }
    return out;
  }

  private static ColumnVector makeDate(ScalarFunction f, ColumnVector[] a, int n) {
    IntColumnVector out = (IntColumnVector) allocateWithNulls(DataTypes.DateType, a, n);
    int[] y = ints(a[0]);
    int[] m = ints(a[1]);
    int[] d = ints(a[2]);
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      try {
        out.values[i] = (int) LocalDate.of(y[i], m[i], d[i]).toEpochDay();
      } catch (java.time.DateTimeException e) {
        if (f.ansi()) {
          throw new dev.ember.sql.SqlExecutionException("DATETIME_FIELD_OUT_OF_BOUNDS", Map.of("rangeMessage",
              e.getMessage(), "ansiConfig", "\"spark.sql.ansi.enabled\""));
        }
        out.nulls[i] = true;
      }
    }
    return out;
  }
}
