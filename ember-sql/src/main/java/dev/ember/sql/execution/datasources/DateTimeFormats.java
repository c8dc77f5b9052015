package dev.ember.sql.execution.datasources;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the text formats (CSV, JSON) read and write dates and timestamps, from Spark's options:
 * {@code dateFormat} (yyyy-MM-dd), {@code timestampFormat} and {@code timestampNTZFormat} (when unset, reading
 * accepts {@code yyyy-MM-dd[( |T)HH:mm[:ss[.fraction]]][offset]} and writing uses
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}, or without the offset for TIMESTAMP_NTZ) and {@code timeZone} (the
 * session time zone; readers and writers get it from the session). Patterns use Spark's datetime letters,
 * run by java.time's DateTimeFormatter; a timestamp text without an offset is in {@code timeZone}, and fields
 * a pattern leaves out default to their start (midnight, the first of the month). Values that do not parse
 * throw {@link DateTimeParseException}, which the readers' parse modes handle.
 */
public final class DateTimeFormats implements Serializable {

  private static final long serialVersionUID = 1L;
  /** The option naming the zone of timestamps without an offset. */
  public static final String TIME_ZONE = "timeZone";
  private static final String WRITE_TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  private static final String WRITE_TIMESTAMP_NTZ = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";
  private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalEnd().toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private final String datePattern;
  private final String timestampPattern;
  private final String timestampNtzPattern;
  private final String zone;
  private transient DateTimeFormatter dates;
  private transient DateTimeFormatter timestamps;
  private transient DateTimeFormatter timestampsNtz;

  private DateTimeFormats(String datePattern, String timestampPattern, String timestampNtzPattern, String zone) {
    this.datePattern = datePattern;
    this.timestampPattern = timestampPattern;
    this.timestampNtzPattern = timestampNtzPattern;
    this.zone = zone;
    // Bad patterns fail here, on the driver, before any task runs.
    formatters();
  }

  /** The formats of a read or a write with {@code options}. */
  public static DateTimeFormats of(DataSourceOptions options) {
    try {
      return new DateTimeFormats(options.get("dateFormat", "yyyy-MM-dd"), options.get("timestampFormat"),
          options.get("timestampNTZFormat"), options.get(TIME_ZONE, ZoneId.systemDefault().getId()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid datetime pattern in the options: " + e.getMessage(), e);
    }
  }

  /** {@code options} with the {@code timeZone} option set to {@code sessionTimeZone} unless already set. */
  public static Map<String, String> withTimeZone(Map<String, String> options, String sessionTimeZone) {
    boolean set = options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(TIME_ZONE));
    if (set || sessionTimeZone == null) {
      return options;
    }
    Map<String, String> all = new HashMap<>(options);
    all.put(TIME_ZONE, sessionTimeZone);
    return all;
  }

  private void formatters() {
    if (dates == null) {
      dates = ValueParsers.dateFormatter(datePattern);
      timestamps = timestampPattern == null ? null : pattern(timestampPattern);
      timestampsNtz = timestampNtzPattern == null ? null : pattern(timestampNtzPattern);
    }
  }

  private static DateTimeFormatter pattern(String spark) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(spark.replace("yyyy", "uuuu"))
        .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The formatter of dates. */
  public DateTimeFormatter dates() {
    formatters();
    return dates;
  }

  /** Whether {@code type} is one this class parses and formats (DATE, TIMESTAMP, TIMESTAMP_NTZ). */
  public static boolean handles(DataType type) {
    return type == DataTypes.DateType || type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType;
  }

  /** {@code text} as an internal value of {@code type}: epoch days, or microseconds since the epoch. */
  public Object parse(String text, DataType type) {
    formatters();
    if (type == DataTypes.TimestampType) {
      return timestamp(text, timestamps, ZoneId.of(zone));
    }
    if (type == DataTypes.TimestampNTZType) {
      return timestamp(text, timestampsNtz, ZoneOffset.UTC);
    }
    return ValueParsers.parse(text, type, dates);
  }

  private static long timestamp(String text, DateTimeFormatter formatter, ZoneId zone) {
    TemporalAccessor parsed;
    if (formatter == null) {
      String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
          : text;
      parsed = LENIENT.parseBest(iso, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    } else {
      parsed = formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
          LocalDate::from);
    }
    Instant instant;
    if (parsed instanceof ZonedDateTime zoned) {
      instant = zoned.toInstant();
    } else if (parsed instanceof OffsetDateTime offset) {
      instant = offset.toInstant();
    } else if (parsed instanceof LocalDateTime local) {
      instant = local.atZone(zone).toInstant();
    } else {
      instant = ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  /** {@code value} (internal, of {@code type}) as text. */
  public String format(Object value, DataType type) {
    formatters();
    if (type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType) {
      long micros = (Long) value;
      Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
      boolean ntz = type == DataTypes.TimestampNTZType;
      DateTimeFormatter f = ntz ? timestampsNtz : timestamps;
      if (f == null) {
        f = pattern(ntz ? WRITE_TIMESTAMP_NTZ : WRITE_TIMESTAMP);
      }
      return instant.atZone(ntz ? ZoneOffset.UTC : ZoneId.of(zone)).format(f);
    }
    return ValueParsers.format(value, type, dates);
  }

  /** Whether {@code text} parses as a timestamp, for schema inference. */
  public boolean isTimestamp(String text) {
    try {
      parse(text, DataTypes.TimestampType);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The zone id of timestamps without an offset. */
  public String zone() {
    return zone;
  }
}
