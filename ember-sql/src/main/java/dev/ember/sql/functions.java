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
import java.util.ArrayList;
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

  /** Ascending sort key on column {@code name}. */
  public static Column asc(String name) {
    return col(name).asc();
  }

  /** Descending sort key on column {@code name}. */
  public static Column desc(String name) {
    return col(name).desc();
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

  /** A call of the function named {@code name}: a registered user-defined function or a built-in one. */
  public static Column call_function(String name, Column... columns) {
    List<Expression> arguments = new ArrayList<>();
    for (Column c : columns) {
      arguments.add(c.expr());
    }
    return new Column(new UnresolvedFunction(name, arguments, false, Origin.NONE));
  }
}
