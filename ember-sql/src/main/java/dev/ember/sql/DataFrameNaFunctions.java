package dev.ember.sql;

import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.when;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Handling of missing values, Spark's {@code df.na()}: {@code fill} replaces NULLs in the columns whose type
 * fits the value, {@code drop} removes rows with NULLs, {@code replace} maps values to other values.
 *
 * <pre>{@code
 * df.na().fill(0).na().drop("all", new String[] {"name", "city"});
 * }</pre>
 */
public final class DataFrameNaFunctions {

  private final Dataset<Row> df;

  DataFrameNaFunctions(Dataset<Row> df) {
    this.df = df;
  }

  /** Rows without any NULL. */
  public Dataset<Row> drop() {
    return drop("any");
  }

  /** Rows with no NULL ({@code how = "any"}) or not only NULLs ({@code "all"}). */
  public Dataset<Row> drop(String how) {
    return drop(how, df.columns());
  }

  /** Rows without a NULL in {@code cols}. */
  public Dataset<Row> drop(String[] cols) {
    return drop("any", cols);
  }

  /** Rows with no NULL in {@code cols} ({@code "any"}), or not only NULLs there ({@code "all"}). */
  public Dataset<Row> drop(String how, String[] cols) {
    return switch (how.toLowerCase(Locale.ROOT)) {
      case "any" -> drop(cols.length, cols);
      case "all" -> drop(1, cols);
      default -> throw new IllegalArgumentException("how (" + how + ") must be 'any' or 'all'");
    };
  }

  /** Rows with at least {@code minNonNulls} non-NULL values. */
  public Dataset<Row> drop(int minNonNulls) {
    return drop(minNonNulls, df.columns());
  }

  /** Rows with at least {@code minNonNulls} non-NULL values in {@code cols}. */
  public Dataset<Row> drop(int minNonNulls, String[] cols) {
    if (cols.length == 0 || minNonNulls <= 0) {
      return df.toDF();
    }
    Column nonNulls = lit(0);
    for (String c : cols) {
      nonNulls = nonNulls.plus(when(df.col(c).isNotNull(), 1).otherwise(0));
    }
    return df.filter(nonNulls.geq(minNonNulls));
  }

  /** NULLs of numeric columns replaced by {@code value} (cast to each column's type). */
  public Dataset<Row> fill(long value) {
    return fill(value, df.columns());
  }

  /** NULLs of numeric columns replaced by {@code value} (cast to each column's type). */
  public Dataset<Row> fill(double value) {
    return fill(value, df.columns());
  }

  /** NULLs of string columns replaced by {@code value}. */
  public Dataset<Row> fill(String value) {
    return fill(value, df.columns());
  }

  /** NULLs of boolean columns replaced by {@code value}. */
  public Dataset<Row> fill(boolean value) {
    return fill(value, df.columns());
  }

  /** NULLs of those of {@code cols} that are numeric replaced by {@code value}. */
  public Dataset<Row> fill(long value, String[] cols) {
    return fillValue(value, cols);
  }

  /** NULLs of those of {@code cols} that are numeric replaced by {@code value}. */
  public Dataset<Row> fill(double value, String[] cols) {
    return fillValue(value, cols);
  }

  /** NULLs of those of {@code cols} that are strings replaced by {@code value}. */
  public Dataset<Row> fill(String value, String[] cols) {
    return fillValue(value, cols);
  }

  /** NULLs of those of {@code cols} that are boolean replaced by {@code value}. */
  public Dataset<Row> fill(boolean value, String[] cols) {
    return fillValue(value, cols);
  }

  /** NULLs of each named column replaced by its value: {@code fill(Map.of("age", 0, "name", "?"))}. */
  public Dataset<Row> fill(Map<String, Object> valueMap) {
    Map<String, Column> replaced = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : valueMap.entrySet()) {
      AttributeReference a = attribute(entry.getKey());
      if (!fits(entry.getValue(), a.dataType())) {
        throw new IllegalArgumentException("Unsupported value type " + entry.getValue().getClass().getName()
            + " (" + entry.getValue() + ") for column " + a.name() + " of type " + a.dataType().simpleString());
      }
      replaced.put(a.name(), filled(a, entry.getValue()));
    }
    return df.withColumns(replaced);
  }

  /** {@code col}'s values equal to a key of {@code replacement} replaced by its value ({@code "*"}: all). */
  public <T> Dataset<Row> replace(String col, Map<T, T> replacement) {
    return replace(col.equals("*") ? df.columns() : new String[] {col}, replacement);
  }

  /** The values of {@code cols} (those of a type fitting the keys) equal to a key replaced by its value. */
  public <T> Dataset<Row> replace(String[] cols, Map<T, T> replacement) {
    if (replacement.isEmpty()) {
      return df.toDF();
    }
    Object sample = replacement.keySet().iterator().next();
    Map<String, Column> replaced = new LinkedHashMap<>();
    for (String name : cols) {
      AttributeReference a = attribute(name);
      if (!fits(sample, a.dataType())) {
        continue;
      }
      Column value = null;
      for (Map.Entry<T, T> entry : replacement.entrySet()) {
        Column condition = new Column(a).equalTo(lit(entry.getKey()).cast(a.dataType()));
        Column result = entry.getValue() == null ? lit(null).cast(a.dataType())
            : lit(entry.getValue()).cast(a.dataType());
        value = value == null ? when(condition, result) : value.when(condition, result);
      }
      replaced.put(a.name(), value.otherwise(new Column(a)).cast(a.dataType()));
    }
    return df.withColumns(replaced);
  }

  private Dataset<Row> fillValue(Object value, String[] cols) {
    List<String> wanted = new ArrayList<>();
    for (String c : cols) {
      wanted.add(attribute(c).name());
    }
    Map<String, Column> replaced = new LinkedHashMap<>();
    for (AttributeReference a : df.logicalPlan().output()) {
      if (wanted.contains(a.name()) && fits(value, a.dataType())) {
        replaced.put(a.name(), filled(a, value));
      }
    }
    return replaced.isEmpty() ? df.toDF() : df.withColumns(replaced);
  }

  private static Column filled(AttributeReference a, Object value) {
    return when(new Column(a).isNull(), lit(value).cast(a.dataType())).otherwise(new Column(a));
  }

  private static boolean fits(Object value, DataType type) {
    if (value instanceof Number) {
      return Arrays.asList(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType).contains(type);
    }
    if (value instanceof String) {
      return type == DataTypes.StringType;
    }
    return value instanceof Boolean && type == DataTypes.BooleanType;
  }

  private AttributeReference attribute(String name) {
    for (AttributeReference a : df.logicalPlan().output()) {
      if (a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    // Resolving the name through the API reports UNRESOLVED_COLUMN with suggestions.
    df.select(name);
    throw new IllegalArgumentException("Cannot resolve column name \"" + name + "\"");
  }
}
