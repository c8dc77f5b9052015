package dev.ember.sql.execution.datasources;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Text to internal values for the text-based formats, with the rules of Spark's CSV and JSON parsers:
 * integers without spaces, doubles also as {@code NaN}/{@code Infinity}/{@code Inf}, booleans in any case,
 * dates by the {@code dateFormat} pattern. A value that does not parse throws {@link NumberFormatException}
 * or {@link DateTimeParseException}.
 */
public final class ValueParsers {

  private ValueParsers() {}

  /** A formatter for a Spark date pattern ({@code yyyy-MM-dd} style). */
  public static DateTimeFormatter dateFormatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** {@code text} as an internal value of {@code type}. */
  public static Object parse(String text, DataType type, DateTimeFormatter dates) {
    if (type == DataTypes.StringType) {
      return text;
    }
    if (type == DataTypes.IntegerType) {
      return Integer.parseInt(text);
    }
    if (type == DataTypes.LongType) {
      return Long.parseLong(text);
    }
    if (type == DataTypes.DoubleType) {
      return parseDouble(text);
    }
    if (type == DataTypes.BooleanType) {
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw new NumberFormatException("not a boolean: " + text);
    }
    if (type == DataTypes.DateType) {
      return (int) LocalDate.parse(text, dates).toEpochDay();
    }
    if (type == DataTypes.NullType) {
      return null;
    }
    throw new IllegalArgumentException("Cannot parse text into " + type.simpleString());
  }

  /** A double, accepting Spark's spellings of the special values. */
  public static double parseDouble(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Inf", "+Inf", "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
      case "-Inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> {
        char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
          throw new NumberFormatException("not a double: " + text);
        }
        yield Double.parseDouble(text);
      }
    };
  }

  /** {@code value} (internal, of {@code type}) as text, dates by {@code dates}. */
  public static String format(Object value, DataType type, DateTimeFormatter dates) {
    if (type == DataTypes.DateType) {
      return LocalDate.ofEpochDay((Integer) value).format(dates);
    }
    return value.toString();
  }

  /** The type Spark's CSV inference gives one non-null value: int, bigint, double, boolean, date or string. */
  public static DataType inferText(String text, DateTimeFormatter dates) {
    try {
      Integer.parseInt(text);
      return DataTypes.IntegerType;
    } catch (NumberFormatException e) {
      // wider
    }
    try {
      Long.parseLong(text);
      return DataTypes.LongType;
    } catch (NumberFormatException e) {
      // wider
    }
    try {
      parseDouble(text);
      return DataTypes.DoubleType;
    } catch (NumberFormatException e) {
      // not a number
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return DataTypes.BooleanType;
    }
    try {
      LocalDate.parse(text, dates);
      return DataTypes.DateType;
    } catch (DateTimeParseException e) {
      return DataTypes.StringType;
    }
  }

  /** The type holding values of both types, as Spark's inference merges them. */
  public static DataType merge(DataType a, DataType b) {
    if (a == b || b == DataTypes.NullType) {
      return a;
    }
    if (a == DataTypes.NullType) {
      return b;
    }
    if ((a == DataTypes.DateType || a == DataTypes.TimestampType)
        && (b == DataTypes.DateType || b == DataTypes.TimestampType)) {
      // A date is midnight of its day, as Spark widens dates to timestamps.
      return DataTypes.TimestampType;
    }
    if (a.isNumeric() && b.isNumeric()) {
      return a == DataTypes.DoubleType || b == DataTypes.DoubleType ? DataTypes.DoubleType : DataTypes.LongType;
    }
    return DataTypes.StringType;
  }
}
