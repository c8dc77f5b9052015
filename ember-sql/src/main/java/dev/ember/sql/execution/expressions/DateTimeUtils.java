package dev.ember.sql.execution.expressions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversions of Spark's internal date-time values: dates are days since 1970-01-01, timestamps microseconds
 * since 1970-01-01T00:00:00Z (shown in a time zone), timestamp_ntz microseconds since 1970-01-01T00:00:00
 * local. Parsing accepts what Spark's casts accept: {@code yyyy[-[m]m[-[d]d]]} for dates and
 * {@code yyyy-[m]m-[d]d[( |T)[h]h:[m]m[:[s]s[.ffffff]]][zone]} for timestamps.
 */
public final class DateTimeUtils {

  /** Microseconds in a second. */
  public static final long MICROS_PER_SECOND = 1_000_000L;
  /** Microseconds in a day. */
  public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private static final Pattern DATE = Pattern.compile("([+-]?\\d{4,6})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "([+-]?\\d{4,6})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T](\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{0,9}))?)?)?"
      + "\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?|[A-Za-z]+/[A-Za-z_]+)?)?)?)?");

  private DateTimeUtils() {}

  /** The zone of an id such as {@code UTC}, {@code America/Los_Angeles} or {@code +08:00}. */
  public static ZoneId zone(String id) {
    return id == null ? ZoneId.systemDefault() : ZoneId.of(id, ZoneId.SHORT_IDS);
  }

  /** Days since the epoch of a date string, or null when it is not a date. */
  public static Integer parseDate(String s) {
    String text = s.trim();
    int cut = indexOfTimeSeparator(text);
    Matcher m = DATE.matcher(cut < 0 ? text : text.substring(0, cut));
    if (!m.matches()) {
      return null;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      return (int) LocalDate.of(year, month, day).toEpochDay();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int indexOfTimeSeparator(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ' || text.charAt(i) == 'T') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Microseconds of a timestamp string read in {@code zone} (unless the text names its own zone), or null when
   * it is not a timestamp. With {@code zone} null the text is read as a local date-time (timestamp_ntz).
   */
  public static Long parseTimestamp(String s, ZoneId zone) {
    Matcher m = TIMESTAMP.matcher(s.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      String fraction = m.group(7) == null ? "" : m.group(7);
      int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      if (zone == null) {
        return localToMicros(local);
      }
      ZoneId effective = m.group(8) == null ? zone : parseZone(m.group(8));
      return instantToMicros(local.atZone(effective).toInstant());
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static ZoneId parseZone(String text) {
    if (text.equals("Z") || text.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      String digits = text.substring(1).replace(":", "");
      int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
      int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
      int sign = text.charAt(0) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    return ZoneId.of(text);
  }

  /** Microseconds of an instant. */
  public static long instantToMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  /** The instant of microseconds since the epoch. */
  public static Instant microsToInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  /** Microseconds of a local date-time, as if it were UTC (timestamp_ntz). */
  public static long localToMicros(LocalDateTime local) {
    return instantToMicros(local.toInstant(ZoneOffset.UTC));
  }

  /** The local date-time of timestamp micros in {@code zone}. */
  public static LocalDateTime toLocal(long micros, ZoneId zone) {
    return LocalDateTime.ofInstant(microsToInstant(micros), zone);
  }

  /** The local date-time of timestamp_ntz micros. */
  public static LocalDateTime ntzToLocal(long micros) {
    return toLocal(micros, ZoneOffset.UTC);
  }

  /** Timestamp micros of the start of a date in {@code zone}. */
  public static long dateToMicros(int days, ZoneId zone) {
    return instantToMicros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
  }

  /** The date (days) of timestamp micros in {@code zone}. */
  public static int microsToDate(long micros, ZoneId zone) {
    return (int) toLocal(micros, zone).toLocalDate().toEpochDay();
  }

  /** Spark's text of a timestamp: {@code yyyy-MM-dd HH:mm:ss} plus the fraction without trailing zeros. */
  public static String format(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(LocalDate.from(t).toString()).append(' ');
    LocalTime time = t.toLocalTime();
    sb.append(two(time.getHour())).append(':').append(two(time.getMinute())).append(':')
        .append(two(time.getSecond()));
    int micros = time.getNano() / 1000;
    if (micros != 0) {
      String fraction = String.format("%06d", micros);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(fraction, 0, end);
    }
    return sb.toString();
  }

  /** Timestamp micros as Spark prints them in {@code zone}. */
  public static String formatTimestamp(long micros, ZoneId zone) {
    return format(toLocal(micros, zone));
  }

  /** A zoned date-time of timestamp micros. */
  public static ZonedDateTime toZoned(long micros, ZoneId zone) {
    return microsToInstant(micros).atZone(zone);
  }

  /** Spark's text of a day-time interval of {@code micros}: {@code INTERVAL 'd hh:mm:ss[.ffffff]' DAY TO SECOND}. */
  public static String formatDayTime(long micros) {
    String sign = micros < 0 ? "-" : "";
    long abs = Math.abs(micros);
    long days = abs / MICROS_PER_DAY;
    long rest = abs % MICROS_PER_DAY;
    long seconds = rest / MICROS_PER_SECOND;
    long fraction = rest % MICROS_PER_SECOND;
    String text = sign + days + " " + two((int) (seconds / 3600)) + ":" + two((int) (seconds / 60 % 60)) + ":"
        + two((int) (seconds % 60)) + (fraction == 0 ? "" : "." + String.format("%06d", fraction));
    return "INTERVAL '" + text + "' DAY TO SECOND";
  }

  /** Spark's text of a year-month interval: {@code INTERVAL 'y-m' YEAR TO MONTH}. */
  public static String formatYearMonth(int months) {
    String sign = months < 0 ? "-" : "";
    int abs = Math.abs(months);
    return "INTERVAL '" + sign + abs / 12 + "-" + abs % 12 + "' YEAR TO MONTH";
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }
}
