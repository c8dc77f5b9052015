package dev.ember.sql;

import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.Arrays;
import java.util.List;

/**
 * The functions of the DataFrame API, as in Spark: {@code import static dev.ember.sql.functions.*;}.
 */
public final class functions {

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
}
