package dev.ember.sql;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code describe} and {@code summary} as Spark computes them: a DataFrame of strings with a {@code summary}
 * column naming the statistic and one column per input column. count, mean, stddev (sample), min and max come
 * from aggregation jobs (a second pass for the standard deviation, around the mean); percentiles ({@code 25%})
 * are exact, read from the column's sorted non-NULL values on the driver, which suits the small and medium
 * data summaries are run on (Spark approximates them).
 */
final class DatasetSummary {

  static final List<String> DEFAULT_STATISTICS =
      List.of("count", "mean", "stddev", "min", "25%", "50%", "75%", "max");

  private DatasetSummary() {}

  /** Spark's describe: count, mean, stddev, min, max of the named (default: numeric and string) columns. */
  static Dataset<Row> describe(Dataset<Row> df, String[] cols) {
    return summarize(df, cols, List.of("count", "mean", "stddev", "min", "max"));
  }

  /** Spark's summary: the given statistics (default: count, mean, stddev, min, quartiles, max). */
  static Dataset<Row> summary(Dataset<Row> df, String[] statistics) {
    List<String> stats = statistics.length == 0 ? DEFAULT_STATISTICS : List.of(statistics);
    for (String stat : stats) {
      if (!List.of("count", "mean", "stddev", "min", "max").contains(stat.toLowerCase(Locale.ROOT))
          && percentile(stat) < 0) {
        throw new IllegalArgumentException(stat + " is not a recognised statistic");
      }
    }
    return summarize(df, new String[0], stats);
  }

  private static Dataset<Row> summarize(Dataset<Row> df, String[] cols, List<String> stats) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : df.schema()) {
      boolean wanted = cols.length == 0 ? isNumeric(f.dataType()) || f.dataType() == DataTypes.StringType
          : List.of(cols).stream().anyMatch(f.name()::equalsIgnoreCase);
      if (wanted) {
        fields.add(f);
      }
    }
    List<Column> aggregates = new ArrayList<>();
    for (StructField f : fields) {
      Column c = df.col(f.name());
      Column numeric = isNumeric(f.dataType()) ? c.cast(DataTypes.DoubleType) : c.cast(DataTypes.DoubleType);
      aggregates.add(count(c));
      aggregates.add(avg(numeric));
      aggregates.add(min(c));
      aggregates.add(max(c));
    }
    Row basic = aggregates.isEmpty() ? null
        : df.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0])).first();
    Row deviations = stats.stream().anyMatch("stddev"::equalsIgnoreCase) && basic != null
        ? squaredDeviations(df, fields, basic) : null;
    List<Row> rows = new ArrayList<>();
    for (String stat : stats) {
      Object[] values = new Object[fields.size() + 1];
      values[0] = stat;
      for (int i = 0; i < fields.size(); i++) {
        values[i + 1] = statistic(df, fields.get(i), i, stat, basic, deviations);
      }
      rows.add(RowFactory.create(values));
    }
    StructType schema = new StructType().add("summary", DataTypes.StringType);
    for (StructField f : fields) {
      schema = schema.add(f.name(), DataTypes.StringType);
    }
    return df.sparkSession().createDataFrame(rows, schema);
  }

  /** Per column, the sum of squared differences from the mean (a second pass, for a stable stddev). */
  private static Row squaredDeviations(Dataset<Row> df, List<StructField> fields, Row basic) {
    List<Column> sums = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Object mean = basic.get(i * 4 + 1);
      Column x = df.col(fields.get(i).name()).cast(DataTypes.DoubleType);
      Column d = x.minus(mean == null ? 0.0 : mean);
      sums.add(sum(d.multiply(d)));
    }
    return df.agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0])).first();
  }

  private static String statistic(Dataset<Row> df, StructField field, int i, String stat, Row basic,
      Row deviations) {
    long n = basic.getLong(i * 4);
    switch (stat.toLowerCase(Locale.ROOT)) {
      case "count":
        return String.valueOf(n);
      case "mean":
        return string(basic.get(i * 4 + 1));
      case "stddev":
        if (basic.get(i * 4 + 1) == null || n < 2) {
          return null;
        }
        return String.valueOf(Math.sqrt(deviations.getDouble(i) / (n - 1)));
      case "min":
        return string(basic.get(i * 4 + 2));
      case "max":
        return string(basic.get(i * 4 + 3));
      default:
        return isNumeric(field.dataType()) ? percentileOf(df, field, percentile(stat), n) : null;
    }
  }

  private static String percentileOf(Dataset<Row> df, StructField field, double p, long n) {
    if (n == 0) {
      return null;
    }
    // The smallest value with at least p of the values at or below it, as Spark's percentile_approx picks.
    long rank = Math.max(1, (long) Math.ceil(p * n));
    Column c = df.col(field.name());
    List<Row> sorted = df.select(c).filter(c.isNotNull()).orderBy(c).collectAsList();
    return string(sorted.get((int) Math.min(rank, sorted.size()) - 1).get(0));
  }

  /** {@code "25%"} as 0.25, or -1 when {@code stat} is not a percentage. */
  private static double percentile(String stat) {
    if (!stat.endsWith("%")) {
      return -1;
    }
    try {
      double p = Double.parseDouble(stat.substring(0, stat.length() - 1)) / 100.0;
      return p >= 0 && p <= 1 ? p : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isNumeric(DataType type) {
    return type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.DoubleType;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
