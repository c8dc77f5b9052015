package dev.ember.sql;

import dev.ember.sql.api.java.UDF1;
import dev.ember.sql.api.java.UDF2;
import dev.ember.sql.api.java.UDF3;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * The functions of the DataFrame API, as in Spark: {@code import static dev.ember.sql.functions.*;}. The functions
 * of arrays, maps, structs and binary values come from {@link NestedFunctions}.
 */
public final class functions extends NestedFunctions {

  private functions() {}

  /** The column named {@code name} ({@code "a"}, {@code "t.a"}, or {@code "*"}). */
  public static Column col(String name) {
    if (name.equals("*")) {
      return new Column(new dev.ember.sql.plan.expressions.UnresolvedStar(List.of()));
    }
    return new Column(new UnresolvedAttribute(Arrays.asList(name.split("\\.")), Origin.NONE));
  }

  /** The column named {@code name}. */
  public static Column column(String name) {
    return col(name);
  }

  /** {@code df} marked for broadcast in the joins it takes part in (a BROADCAST hint), as Spark's. */
  public static <T> Dataset<T> broadcast(Dataset<T> df) {
    return df.hint("broadcast");
  }

  /** A constant: Integer, Long, Double, String, Boolean, LocalDate or null. */
  public static Column lit(Object value) {
    return value instanceof Column c ? c : new Column(Literal.of(value));
  }

  /** A SQL expression parsed into a column: {@code expr("a + 1")}. */
  public static Column expr(String sql) {
    return new Column(new SqlParser().parseExpression(sql));
  }

  private static Column call(String name, Column input) {
    return new Column(new UnresolvedFunction(name, List.of(input.expr()), false, Origin.NONE));
  }

  /** The number of non-NULL values. */
  public static Column count(Column column) {
    return call("count", column);
  }

  /** The number of non-NULL values of column {@code name} ({@code "*"} counts rows). */
  public static Column count(String name) {
    return name.equals("*") ? call("count", lit(1)) : count(col(name));
  }

  /** The sum. */
  public static Column sum(Column column) {
    return call("sum", column);
  }

  /** The sum of column {@code name}. */
  public static Column sum(String name) {
    return sum(col(name));
  }

  /** The mean. */
  public static Column avg(Column column) {
    return call("avg", column);
  }

  /** The mean of column {@code name}. */
  public static Column avg(String name) {
    return avg(col(name));
  }

  /** The mean (Spark's alias of avg). */
  public static Column mean(Column column) {
    return call("mean", column);
  }

  /** The least value. */
  public static Column min(Column column) {
    return call("min", column);
  }

  /** The least value of column {@code name}. */
  public static Column min(String name) {
    return min(col(name));
  }

  /** The greatest value. */
  public static Column max(Column column) {
    return call("max", column);
  }

  /** The greatest value of column {@code name}. */
  public static Column max(String name) {
    return max(col(name));
  }

  /** {@code CASE WHEN condition THEN value}; chain {@code .when(...)} and {@code .otherwise(...)}. */
  public static Column when(Column condition, Object value) {
    return new Column(new CaseWhen(List.of(condition.expr()), List.of(Column.toExpr(value)), Literal.NULL));
  }

  /** {@code NOT column}. */
  public static Column not(Column column) {
    return new Column(new Not(column.expr()));
  }

  private static Column window(String name, Expression... arguments) {
    return new Column(new UnresolvedFunction(name, List.of(arguments), false, Origin.NONE));
  }

  /** The number of the row in its window partition, from 1; use with {@code over(window)}. */
  public static Column row_number() {
    return window("row_number");
  }

  /** The rank of the row in its window partition, with gaps after ties. */
  public static Column rank() {
    return window("rank");
  }

  /** The rank of the row in its window partition, without gaps after ties. */
  public static Column dense_rank() {
    return window("dense_rank");
  }

  /** {@code (rank - 1) / (rows in partition - 1)}. */
  public static Column percent_rank() {
    return window("percent_rank");
  }

  /** The fraction of the partition's rows ordered at or before the row (its peers included). */
  public static Column cume_dist() {
    return window("cume_dist");
  }

  /** The bucket (1 to {@code n}) of the row when its partition is split into n buckets of equal size. */
  public static Column ntile(int n) {
    return window("ntile", Literal.of(n));
  }

  /** The value of {@code column} {@code offset} rows before the current row, else NULL. */
  public static Column lag(Column column, int offset) {
    return window("lag", column.expr(), Literal.of(offset));
  }

  /** The value of {@code column} {@code offset} rows before the current row, else {@code defaultValue}. */
  public static Column lag(Column column, int offset, Object defaultValue) {
    return window("lag", column.expr(), Literal.of(offset), Column.toExpr(defaultValue));
  }

  /** The value of column {@code name} {@code offset} rows before the current row, else NULL. */
  public static Column lag(String name, int offset) {
    return lag(col(name), offset);
  }

  /** The value of {@code column} {@code offset} rows after the current row, else NULL. */
  public static Column lead(Column column, int offset) {
    return window("lead", column.expr(), Literal.of(offset));
  }

  /** The value of {@code column} {@code offset} rows after the current row, else {@code defaultValue}. */
  public static Column lead(Column column, int offset, Object defaultValue) {
    return window("lead", column.expr(), Literal.of(offset), Column.toExpr(defaultValue));
  }

  /** The value of column {@code name} {@code offset} rows after the current row, else NULL. */
  public static Column lead(String name, int offset) {
    return lead(col(name), offset);
  }

  /** The value of {@code column} at the first row of the frame. */
  public static Column first_value(Column column) {
    return window("first_value", column.expr());
  }

  /** The value of {@code column} at the last row of the frame. */
  public static Column last_value(Column column) {
    return window("last_value", column.expr());
  }

  /** The value of {@code column} at the {@code n}-th row of the frame (from 1), else NULL. */
  public static Column nth_value(Column column, int n) {
    return window("nth_value", column.expr(), Literal.of(n));
  }

  /** Ascending sort key on column {@code name}. */
  public static Column asc(String name) {
    return col(name).asc();
  }

  /** Descending sort key on column {@code name}. */
  public static Column desc(String name) {
    return col(name).desc();
  }

  // Scalar and statistical functions, by Spark's names.

  /** Upper case. */
  public static Column upper(Column e) {
    return fn("upper", e);
  }

  /** Lower case. */
  public static Column lower(Column e) {
    return fn("lower", e);
  }

  /** Without leading and trailing spaces. */
  public static Column trim(Column e) {
    return fn("trim", e);
  }

  /** Without leading spaces. */
  public static Column ltrim(Column e) {
    return fn("ltrim", e);
  }

  /** Without trailing spaces. */
  public static Column rtrim(Column e) {
    return fn("rtrim", e);
  }

  /** The number of characters. */
  public static Column length(Column e) {
    return fn("length", e);
  }

  /** The characters in reverse order. */
  public static Column reverse(Column e) {
    return fn("reverse", e);
  }

  /** Each word capitalized. */
  public static Column initcap(Column e) {
    return fn("initcap", e);
  }

  /** The absolute value. */
  public static Column abs(Column e) {
    return fn("abs", e);
  }

  /** The largest integer not above the value. */
  public static Column floor(Column e) {
    return fn("floor", e);
  }

  /** The smallest integer not below the value. */
  public static Column ceil(Column e) {
    return fn("ceil", e);
  }

  /** The square root. */
  public static Column sqrt(Column e) {
    return fn("sqrt", e);
  }

  /** e to the power of the value. */
  public static Column exp(Column e) {
    return fn("exp", e);
  }

  /** The base-10 logarithm. */
  public static Column log10(Column e) {
    return fn("log10", e);
  }

  /** The base-2 logarithm. */
  public static Column log2(Column e) {
    return fn("log2", e);
  }

  /** -1, 0 or 1 by the sign. */
  public static Column signum(Column e) {
    return fn("signum", e);
  }

  /** The year of a date. */
  public static Column year(Column e) {
    return fn("year", e);
  }

  /** The month of a date (1-12). */
  public static Column month(Column e) {
    return fn("month", e);
  }

  /** The day of the month. */
  public static Column dayofmonth(Column e) {
    return fn("dayofmonth", e);
  }

  /** The day of the week, 1 = Sunday ... 7 = Saturday. */
  public static Column dayofweek(Column e) {
    return fn("dayofweek", e);
  }

  /** The day of the year. */
  public static Column dayofyear(Column e) {
    return fn("dayofyear", e);
  }

  /** The quarter (1-4). */
  public static Column quarter(Column e) {
    return fn("quarter", e);
  }

  /** The ISO week of the year. */
  public static Column weekofyear(Column e) {
    return fn("weekofyear", e);
  }

  /** The hour of a timestamp in the session time zone. */
  public static Column hour(Column e) {
    return fn("hour", e);
  }

  /** The minute of a timestamp. */
  public static Column minute(Column e) {
    return fn("minute", e);
  }

  /** The second of a timestamp. */
  public static Column second(Column e) {
    return fn("second", e);
  }

  /** The last day of the date's month. */
  public static Column last_day(Column e) {
    return fn("last_day", e);
  }

  /** The sample standard deviation. */
  public static Column stddev(Column e) {
    return fn("stddev", e);
  }

  /** The sample standard deviation. */
  public static Column stddev_samp(Column e) {
    return fn("stddev_samp", e);
  }

  /** The population standard deviation. */
  public static Column stddev_pop(Column e) {
    return fn("stddev_pop", e);
  }

  /** The sample variance. */
  public static Column variance(Column e) {
    return fn("variance", e);
  }

  /** The sample variance. */
  public static Column var_samp(Column e) {
    return fn("var_samp", e);
  }

  /** The population variance. */
  public static Column var_pop(Column e) {
    return fn("var_pop", e);
  }

  /** The approximate number of distinct values (HyperLogLog++, rsd 0.05). */
  public static Column approx_count_distinct(Column e) {
    return fn("approx_count_distinct", e);
  }

  /** The natural logarithm. */
  public static Column log(Column e) {
    return fn("ln", e);
  }

  /** The logarithm in base {@code base}. */
  public static Column log(double base, Column e) {
    return fn("log", base, e);
  }

  /** Rounded HALF_UP to an integer. */
  public static Column round(Column e) {
    return fn("round", e, 0);
  }

  /** Rounded HALF_UP to {@code scale} digits after the point. */
  public static Column round(Column e, int scale) {
    return fn("round", e, scale);
  }

  /** Rounded HALF_EVEN to {@code scale} digits after the point. */
  public static Column bround(Column e, int scale) {
    return fn("bround", e, scale);
  }

  /** {@code left} to the power {@code right}. */
  public static Column pow(Column left, Object right) {
    return fn("pow", left, right);
  }

  /** The positive remainder. */
  public static Column pmod(Column dividend, Object divisor) {
    return fn("pmod", dividend, divisor);
  }

  /** The greatest non-NULL value. */
  public static Column greatest(Column... columns) {
    return fn("greatest", (Object[]) columns);
  }

  /** The least non-NULL value. */
  public static Column least(Column... columns) {
    return fn("least", (Object[]) columns);
  }

  /** Uniform random numbers in [0, 1) from {@code seed}. */
  public static Column rand(long seed) {
    return fn("rand", seed);
  }

  /** The id of the partition each row is evaluated in. */
  public static Column spark_partition_id() {
    return fn("spark_partition_id");
  }

  /** A unique 64-bit id per row, increasing within a partition: {@code (partitionId << 33) + rowIndex}. */
  public static Column monotonically_increasing_id() {
    return fn("monotonically_increasing_id");
  }

  /** The URI of the file each row was read from, or an empty string for a row not read from a file. */
  public static Column input_file_name() {
    return fn("input_file_name");
  }

  /** A random version 4 UUID string per row. */
  public static Column uuid() {
    return fn("uuid");
  }

  /** The first non-NULL value. */
  public static Column coalesce(Column... columns) {
    return fn("coalesce", (Object[]) columns);
  }

  /** Whether the value is NULL. */
  public static Column isnull(Column e) {
    return fn("isnull", e);
  }

  /** {@code e} unless it is NaN, else {@code other}. */
  public static Column nanvl(Column e, Column other) {
    return fn("nanvl", e, other);
  }

  /** Characters from 1-based {@code pos}, at most {@code len} of them. */
  public static Column substring(Column str, int pos, int len) {
    return fn("substring", str, pos, len);
  }

  /** The strings concatenated; NULL if any is NULL. */
  public static Column concat(Column... columns) {
    return fn("concat", (Object[]) columns);
  }

  /** The non-NULL strings joined with {@code separator}. */
  public static Column concat_ws(String separator, Column... columns) {
    return fn("concat_ws", prepend(separator, columns));
  }

  /** Every occurrence of {@code search} replaced. */
  public static Column replace(Column str, String search, String replacement) {
    return fn("replace", str, search, replacement);
  }

  /** The 1-based position of {@code substring}, 0 if absent. */
  public static Column instr(Column str, String substring) {
    return fn("instr", str, substring);
  }

  /** The 1-based position of {@code substr} in {@code str}, 0 if absent. */
  public static Column locate(String substr, Column str) {
    return fn("locate", substr, str);
  }

  /** Left-padded with {@code pad} to {@code len} characters (or cut). */
  public static Column lpad(Column str, int len, String pad) {
    return fn("lpad", str, len, pad);
  }

  /** Right-padded with {@code pad} to {@code len} characters (or cut). */
  public static Column rpad(Column str, int len, String pad) {
    return fn("rpad", str, len, pad);
  }

  /** The string repeated {@code n} times. */
  public static Column repeat(Column str, int n) {
    return fn("repeat", str, n);
  }

  /** Group {@code groupIndex} of the first match of {@code regex}, or empty. */
  public static Column regexp_extract(Column str, String regex, int groupIndex) {
    return fn("regexp_extract", str, regex, groupIndex);
  }

  /** Every match of {@code regex} replaced ($1 refers to groups). */
  public static Column regexp_replace(Column str, String regex, String replacement) {
    return fn("regexp_replace", str, regex, replacement);
  }

  /** The date {@code days} days later. */
  public static Column date_add(Column start, int days) {
    return fn("date_add", start, days);
  }

  /** The date {@code days} days earlier. */
  public static Column date_sub(Column start, int days) {
    return fn("date_sub", start, days);
  }

  /** The number of days from {@code start} to {@code end}. */
  public static Column datediff(Column end, Column start) {
    return fn("datediff", end, start);
  }

  /** The date {@code months} months later. */
  public static Column add_months(Column start, int months) {
    return fn("add_months", start, months);
  }

  /** The months between two timestamps (fractional, rounded to 8 digits). */
  public static Column months_between(Column end, Column start) {
    return fn("months_between", end, start);
  }

  /** The first date after {@code date} that is {@code dayOfWeek} ("Mon", "FRI", ...). */
  public static Column next_day(Column date, String dayOfWeek) {
    return fn("next_day", date, dayOfWeek);
  }

  /** The string cast to a date. */
  public static Column to_date(Column e) {
    return fn("to_date", e);
  }

  /** The string parsed as a date with a datetime pattern. */
  public static Column to_date(Column e, String format) {
    return fn("to_date", e, format);
  }

  /** The string cast to a timestamp. */
  public static Column to_timestamp(Column e) {
    return fn("to_timestamp", e);
  }

  /** The string parsed as a timestamp with a datetime pattern. */
  public static Column to_timestamp(Column e, String format) {
    return fn("to_timestamp", e, format);
  }

  /** The timestamp formatted with a datetime pattern. */
  public static Column date_format(Column e, String format) {
    return fn("date_format", e, format);
  }

  /** Seconds since the epoch of a timestamp. */
  public static Column unix_timestamp(Column e) {
    return fn("unix_timestamp", e);
  }

  /** Seconds since the epoch of a string parsed with a pattern. */
  public static Column unix_timestamp(Column e, String format) {
    return fn("unix_timestamp", e, format);
  }

  /** Seconds since the epoch as text {@code yyyy-MM-dd HH:mm:ss}. */
  public static Column from_unixtime(Column seconds) {
    return fn("from_unixtime", seconds);
  }

  /** Seconds since the epoch formatted with a pattern. */
  public static Column from_unixtime(Column seconds, String format) {
    return fn("from_unixtime", seconds, format);
  }

  /** The timestamp truncated to {@code unit} (YEAR, MONTH, DAY, HOUR, ...). */
  public static Column date_trunc(String unit, Column timestamp) {
    return fn("date_trunc", unit, timestamp);
  }

  /** The date truncated to {@code unit} (YEAR, MONTH, QUARTER, WEEK). */
  public static Column trunc(Column date, String unit) {
    return fn("trunc", date, unit);
  }

  /** The date of the query's start in the session time zone. */
  public static Column current_date() {
    return fn("current_date");
  }

  /** The query's start time. */
  public static Column current_timestamp() {
    return fn("current_timestamp");
  }

  /** The session's current database when the query is analyzed ({@code USE db}). */
  public static Column current_database() {
    return fn("current_database");
  }

  /** The session's current database, as {@link #current_database()}. */
  public static Column current_schema() {
    return fn("current_schema");
  }

  /** The date of year, month and day; NULL when invalid. */
  public static Column make_date(Column year, Column month, Column day) {
    return fn("make_date", year, month, day);
  }

  /** The first value of the group. */
  public static Column first(Column e) {
    return fn("first", e);
  }

  /** The first (non-NULL if {@code ignoreNulls}) value of the group. */
  public static Column first(Column e, boolean ignoreNulls) {
    return fn("first", e, ignoreNulls);
  }

  /** The last value of the group. */
  public static Column last(Column e) {
    return fn("last", e);
  }

  /** The last (non-NULL if {@code ignoreNulls}) value of the group. */
  public static Column last(Column e, boolean ignoreNulls) {
    return fn("last", e, ignoreNulls);
  }

  /** Approximate distinct count at relative standard deviation {@code rsd}. */
  public static Column approx_count_distinct(Column e, double rsd) {
    return fn("approx_count_distinct", e, rsd);
  }

  /** The smallest value of {@code e} with at least a fraction {@code percentage} of the values at or below it. */
  public static Column percentile_approx(Column e, double percentage, int accuracy) {
    return fn("percentile_approx", e, percentage, accuracy);
  }

  /** The exact percentile of {@code e}, interpolated between neighbouring values, as a DOUBLE. */
  public static Column percentile(Column e, double percentage) {
    return fn("percentile", e, percentage);
  }

  /** The exact median of {@code e}, interpolated, as a DOUBLE. */
  public static Column median(Column e) {
    return fn("median", e);
  }

  /** The most frequent value of {@code e} (the smallest among equally frequent ones). */
  public static Column mode(Column e) {
    return fn("mode", e);
  }

  /** A call of the built-in function {@code name}; non-Column arguments become literals. */
  public static Column call_function(String name, Column... columns) {
    return fn(name, (Object[]) columns);
  }

  private static Object[] prepend(Object first, Column[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** A user-defined function of one argument, to apply to columns: {@code udf(f, IntegerType).apply(col)}. */
  public static UserDefinedFunction udf(UDF1<?, ?> f, DataType returnType) {
    return new UserDefinedFunction("UDF", f, returnType);
  }

  /** A user-defined function of two arguments. */
  public static UserDefinedFunction udf(UDF2<?, ?, ?> f, DataType returnType) {
    return new UserDefinedFunction("UDF", f, returnType);
  }

  /** A user-defined function of three arguments. */
  public static UserDefinedFunction udf(UDF3<?, ?, ?, ?> f, DataType returnType) {
    return new UserDefinedFunction("UDF", f, returnType);
  }

  /** A call of the function registered as {@code name} ({@code session.udf().register}). */
  public static Column callUDF(String name, Column... columns) {
    return call_function(name, columns);
  }
}
