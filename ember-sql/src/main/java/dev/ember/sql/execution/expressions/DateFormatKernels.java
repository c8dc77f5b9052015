package dev.ember.sql.execution.expressions;

import static dev.ember.sql.execution.expressions.KernelSupport.allocateWithNulls;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * Kernels that read or write dates and timestamps with Spark's datetime patterns (the letters of
 * {@link DateTimeFormatter}: {@code yyyy-MM-dd HH:mm:ss.SSS}, {@code EEE}, {@code a} ...), and truncation.
 * A pattern is compiled once while consecutive rows share it. Text that does not match gives NULL.
 */
final class DateFormatKernels {

  private DateFormatKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("to_date", (f, a, n) -> parse(f, a, n, true));
    k.put("to_timestamp", (f, a, n) -> parse(f, a, n, false));
    k.put("date_format", DateFormatKernels::format);
    k.put("from_unixtime", DateFormatKernels::fromUnixTime);
    k.put("date_trunc", DateFormatKernels::dateTrunc);
    k.put("trunc", DateFormatKernels::trunc);
  }

  /** Compiles patterns, reusing the last one while it repeats. */
  private static final class Patterns {
    private String text;
    private DateTimeFormatter formatter;

    DateTimeFormatter get(String pattern) {
      if (!pattern.equals(text)) {
        formatter = DateTimeFormatter.ofPattern(pattern, Locale.US);
        text = pattern;
      }
      return formatter;
    }
  }

  private static ColumnVector parse(ScalarFunction f, ColumnVector[] a, int n, boolean date) {
    ColumnVector out = allocateWithNulls(f.dataType(), a, n);
    String[] texts = KernelSupport.strings(a[0]);
    String[] patterns = KernelSupport.strings(a[1]);
    ZoneId zone = DateTimeUtils.zone(f.timeZone());
    Patterns cache = new Patterns();
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      try {
        TemporalAccessor parsed = cache.get(patterns[i]).parse(texts[i]);
        LocalDate day = LocalDate.of(field(parsed, ChronoField.YEAR, 1970), field(parsed, ChronoField.MONTH_OF_YEAR,
            1), field(parsed, ChronoField.DAY_OF_MONTH, 1));
        if (date) {
          ((IntColumnVector) out).values[i] = (int) day.toEpochDay();
        } else {
          LocalTime time = LocalTime.of(field(parsed, ChronoField.HOUR_OF_DAY, 0),
              field(parsed, ChronoField.MINUTE_OF_HOUR, 0), field(parsed, ChronoField.SECOND_OF_MINUTE, 0),
              field(parsed, ChronoField.NANO_OF_SECOND, 0));
          LocalDateTime local = LocalDateTime.of(day, time);
          ((LongColumnVector) out).values[i] = f.dataType() == DataTypes.TimestampNTZType
              ? DateTimeUtils.localToMicros(local) : DateTimeUtils.instantToMicros(local.atZone(zone).toInstant());
        }
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        if (f.ansi()) {
          throw CastKernels.invalidInput(texts[i], DataTypes.StringType, f.dataType());
        }
        out.nulls[i] = true;
      }
    }
    return out;
  }

  private static int field(TemporalAccessor parsed, ChronoField field, int otherwise) {
    if (field == ChronoField.YEAR && !parsed.isSupported(ChronoField.YEAR)
        && parsed.isSupported(ChronoField.YEAR_OF_ERA)) {
      return parsed.get(ChronoField.YEAR_OF_ERA);
    }
    if (field == ChronoField.HOUR_OF_DAY && !parsed.isSupported(field)
        && parsed.isSupported(ChronoField.HOUR_OF_AMPM)) {
      int hour = parsed.get(ChronoField.HOUR_OF_AMPM);
      return parsed.isSupported(ChronoField.AMPM_OF_DAY) ? hour + 12 * parsed.get(ChronoField.AMPM_OF_DAY) : hour;
    }
    return parsed.isSupported(field) ? parsed.get(field) : otherwise;
  }

  private static ColumnVector format(ScalarFunction f, ColumnVector[] a, int n) {
    StringColumnVector out = (StringColumnVector) allocateWithNulls(DataTypes.StringType, a, n);
    long[] micros = KernelSupport.longs(a[0]);
    String[] patterns = KernelSupport.strings(a[1]);
    ZoneId zone = DateTimeUtils.zone(f.timeZone());
    Patterns cache = new Patterns();
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = cache.get(patterns[i]).format(DateTimeUtils.toZoned(micros[i], zone));
      }
    }
    return out;
  }

  private static ColumnVector fromUnixTime(ScalarFunction f, ColumnVector[] a, int n) {
    StringColumnVector out = (StringColumnVector) allocateWithNulls(DataTypes.StringType, a, n);
    long[] seconds = KernelSupport.longs(a[0]);
    String[] patterns = KernelSupport.strings(a[1]);
    ZoneId zone = DateTimeUtils.zone(f.timeZone());
    Patterns cache = new Patterns();
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = cache.get(patterns[i]).format(DateTimeUtils.toZoned(seconds[i]
            * DateTimeUtils.MICROS_PER_SECOND, zone));
      }
    }
    return out;
  }

  /** date_trunc(unit, timestamp): YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, ...; else NULL. */
  private static ColumnVector dateTrunc(ScalarFunction f, ColumnVector[] a, int n) {
    LongColumnVector out = (LongColumnVector) allocateWithNulls(f.dataType(), a, n);
    String[] units = KernelSupport.strings(a[0]);
    long[] micros = KernelSupport.longs(a[1]);
    ZoneId zone = DateTimeUtils.zone(f.timeZone());
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      LocalDateTime t = DateTimeUtils.toLocal(micros[i], zone);
      String unit = units[i].toUpperCase(Locale.ROOT);
      LocalDateTime truncated = switch (unit) {
        case "MICROSECOND" -> t;
        case "MILLISECOND" -> t.truncatedTo(ChronoUnit.MILLIS);
        case "SECOND" -> t.truncatedTo(ChronoUnit.SECONDS);
        case "MINUTE" -> t.truncatedTo(ChronoUnit.MINUTES);
        case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
        case "DAY", "DD" -> t.truncatedTo(ChronoUnit.DAYS);
        default -> {
          LocalDate d = truncDate(t.toLocalDate(), unit);
          yield d == null ? null : d.atStartOfDay();
        }
      };
      if (truncated == null) {
        out.nulls[i] = true;
      } else {
        out.values[i] = DateTimeUtils.instantToMicros(truncated.atZone(zone).toInstant());
      }
    }
    return out;
  }

  /** trunc(date, unit): YEAR/YYYY/YY, QUARTER, MONTH/MM/MON, WEEK; else NULL. */
  private static ColumnVector trunc(ScalarFunction f, ColumnVector[] a, int n) {
    IntColumnVector out = (IntColumnVector) allocateWithNulls(DataTypes.DateType, a, n);
    int[] days = KernelSupport.ints(a[0]);
    String[] units = KernelSupport.strings(a[1]);
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      LocalDate d = truncDate(LocalDate.ofEpochDay(days[i]), units[i].toUpperCase(Locale.ROOT));
      if (d == null) {
        out.nulls[i] = true;
      } else {
        out.values[i] = (int) d.toEpochDay();
      }
    }
    return out;
  }

  private static LocalDate truncDate(LocalDate d, String unit) {
    return switch (unit) {
      case "YEAR", "YYYY", "YY" -> d.withDayOfYear(1);
      case "QUARTER" -> d.with(IsoFields.DAY_OF_QUARTER, 1);
      case "MONTH", "MM", "MON" -> d.withDayOfMonth(1);
      case "WEEK" -> d.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      default -> null;
    };
  }
}
