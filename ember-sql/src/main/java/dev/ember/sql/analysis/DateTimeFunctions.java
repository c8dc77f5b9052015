package dev.ember.sql.analysis;

import static dev.ember.sql.analysis.ScalarFunctions.fn;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The date and time functions, by Spark's names: field extraction (year ... second, EXTRACT), date
 * arithmetic, formatting and parsing with Spark's datetime patterns, truncation, and current_date /
 * current_timestamp, which are the query's start time, fixed for the whole query.
 */
final class DateTimeFunctions {

  private static final String DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";

  private DateTimeFunctions() {}

  static void register(Map<String, Function<FunctionArguments, Expression>> b) {
    for (String name : List.of("year", "month", "dayofmonth", "dayofweek", "dayofyear", "quarter", "weekofyear",
        "weekday", "last_day")) {
      b.put(name, a -> fn(name, name.equals("last_day") ? DataTypes.DateType : DataTypes.IntegerType,
          a.count(1, 1).as(0, DataTypes.DateType)));
    }
    b.put("day", b.get("dayofmonth"));
    for (String name : List.of("hour", "minute", "second")) {
      b.put(name, a -> fn(name, DataTypes.IntegerType, a.count(1, 1).as(0, DataTypes.TimestampType)));
    }
    b.put("extract", DateTimeFunctions::extract);
    b.put("date_part", DateTimeFunctions::extract);
    for (String name : List.of("date_add", "date_sub", "add_months")) {
      b.put(name, a -> fn(name, DataTypes.DateType, a.count(2, 2).as(0, DataTypes.DateType),
          a.as(1, DataTypes.IntegerType)));
    }
    b.put("dateadd", b.get("date_add"));
    b.put("datediff", a -> fn("datediff", DataTypes.IntegerType, a.count(2, 2).as(0, DataTypes.DateType),
        a.as(1, DataTypes.DateType)));
    b.put("months_between", a -> fn("months_between", DataTypes.DoubleType, a.count(2, 3).as(0,
        DataTypes.TimestampType), a.as(1, DataTypes.TimestampType),
        a.size() > 2 ? a.as(2, DataTypes.BooleanType) : Literal.TRUE));
    b.put("next_day", a -> fn("next_day", DataTypes.DateType, a.count(2, 2).as(0, DataTypes.DateType),
        a.as(1, DataTypes.StringType)));
    b.put("make_date", a -> fn("make_date", DataTypes.DateType, a.count(3, 3).as(0, DataTypes.IntegerType),
        a.as(1, DataTypes.IntegerType), a.as(2, DataTypes.IntegerType)));
    b.put("to_date", a -> a.count(1, 2).size() == 1 ? new Cast(a.raw(0), DataTypes.DateType)
        : fn("to_date", DataTypes.DateType, a.as(0, DataTypes.StringType), a.as(1, DataTypes.StringType)));
    b.put("to_timestamp", a -> a.count(1, 2).size() == 1 ? new Cast(a.raw(0), DataTypes.TimestampType)
        : fn("to_timestamp", DataTypes.TimestampType, a.as(0, DataTypes.StringType),
            a.as(1, DataTypes.StringType)));
    b.put("date_format", a -> fn("date_format", DataTypes.StringType, a.count(2, 2).as(0,
        DataTypes.TimestampType), a.as(1, DataTypes.StringType)));
    b.put("unix_timestamp", DateTimeFunctions::unixTimestamp);
    b.put("from_unixtime", a -> fn("from_unixtime", DataTypes.StringType, a.count(1, 2).as(0, DataTypes.LongType),
        a.size() > 1 ? a.as(1, DataTypes.StringType) : Literal.of(DEFAULT_FORMAT)));
    b.put("date_trunc", a -> fn("date_trunc", DataTypes.TimestampType, a.count(2, 2).as(0, DataTypes.StringType),
        a.as(1, DataTypes.TimestampType)));
    b.put("trunc", a -> fn("trunc", DataTypes.DateType, a.count(2, 2).as(0, DataTypes.DateType),
        a.as(1, DataTypes.StringType)));
    b.put("current_timestamp", a -> new Literal(SessionSettings.current().queryStartMicros(),
        DataTypes.TimestampType));
    b.put("now", b.get("current_timestamp"));
    b.put("current_date", a -> {
      a.count(0, 0);
      SessionSettings settings = SessionSettings.current();
      Instant start = Instant.ofEpochSecond(Math.floorDiv(settings.queryStartMicros(), 1_000_000L));
      return new Literal((int) start.atZone(ZoneId.of(settings.timeZone(), ZoneId.SHORT_IDS)).toLocalDate()
          .toEpochDay(), DataTypes.DateType);
    });
  }

  private static Expression unixTimestamp(FunctionArguments a) {
    a.count(0, 2);
    if (a.size() == 0) {
      return new Literal(Math.floorDiv(SessionSettings.current().queryStartMicros(), 1_000_000L),
          DataTypes.LongType);
    }
    Expression time = a.raw(0).dataType() == DataTypes.StringType
        ? fn("to_timestamp", DataTypes.TimestampType, a.raw(0),
            a.size() > 1 ? a.as(1, DataTypes.StringType) : Literal.of(DEFAULT_FORMAT))
        : a.as(0, DataTypes.TimestampType);
    return fn("unix_timestamp", DataTypes.LongType, time);
  }

  /** EXTRACT(field FROM source) and date_part('field', source). */
  private static Expression extract(FunctionArguments a) {
    a.count(2, 2);
    if (!(a.raw(0) instanceof Literal literal) || !(literal.value() instanceof String field)) {
      throw a.wrongType(0, "STRING literal");
    }
    String name = switch (field.toUpperCase(Locale.ROOT)) {
      case "YEAR", "Y", "YEARS", "YR", "YRS" -> "year";
      case "QUARTER", "QTR" -> "quarter";
      case "MONTH", "MON", "MONS", "MONTHS" -> "month";
      case "WEEK", "W", "WEEKS" -> "weekofyear";
      case "DAY", "D", "DAYS" -> "dayofmonth";
      case "DAYOFWEEK", "DOW" -> "dayofweek";
      case "DOY" -> "dayofyear";
      case "HOUR", "H", "HOURS", "HR", "HRS" -> "hour";
      case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> "minute";
      case "SECOND", "S", "SEC", "SECONDS", "SECS" -> "second";
      default -> throw new AnalysisException("INVALID_EXTRACT_FIELD", Map.of("field", "`" + field + "`",
          "expr", "\"" + a.raw(1).sql() + "\""));
    };
    boolean time = name.equals("hour") || name.equals("minute") || name.equals("second");
    return new ScalarFunction(name, List.of(a.as(1, time ? DataTypes.TimestampType : DataTypes.DateType)),
        DataTypes.IntegerType);
  }
}
