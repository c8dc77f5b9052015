package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles source filters into SQL for the WHERE clause of a JDBC read (Spark's {@code JDBCRDD.compileFilter}):
 * comparisons with numbers, strings and dates, IN lists, null tests and their AND, OR and NOT. A filter that
 * does not compile is not sent; Ember still applies every filter to the rows it receives.
 */
final class JdbcFilters {

  private JdbcFilters() {}

  /** The SQL of {@code filter}, if it compiles. */
  static Optional<String> compile(SourceFilter filter) {
    if (filter instanceof SourceFilter.Compare c) {
      Optional<String> value = value(c.value(), c.type());
      String column = JdbcUtils.quote(c.column());
      return value.map(v -> switch (c.comparison()) {
        case EqualTo -> column + " = " + v;
        case EqualNullSafe -> "(NOT (" + column + " != " + v + " OR " + column + " IS NULL OR " + v
            + " IS NULL) OR (" + column + " IS NULL AND " + v + " IS NULL))";
        case GreaterThan -> column + " > " + v;
        case GreaterThanOrEqual -> column + " >= " + v;
        case LessThan -> column + " < " + v;
        case LessThanOrEqual -> column + " <= " + v;
      });
    }
    if (filter instanceof SourceFilter.In in) {
      List<String> values = new ArrayList<>();
      for (Object v : in.values()) {
        Optional<String> sql = value(v, in.type());
        if (sql.isEmpty()) {
          return Optional.empty();
        }
        values.add(sql.get());
      }
      return Optional.of(values.isEmpty() ? "CASE WHEN " + JdbcUtils.quote(in.column()) + " IS NULL THEN NULL "
          + "ELSE FALSE END" : JdbcUtils.quote(in.column()) + " IN (" + String.join(", ", values) + ")");
    }
    if (filter instanceof SourceFilter.IsNull n) {
      return Optional.of(JdbcUtils.quote(n.column()) + " IS NULL");
    }
    if (filter instanceof SourceFilter.IsNotNull n) {
      return Optional.of(JdbcUtils.quote(n.column()) + " IS NOT NULL");
    }
    if (filter instanceof SourceFilter.And and) {
      Optional<String> left = compile(and.left());
      Optional<String> right = compile(and.right());
      return left.isPresent() && right.isPresent()
          ? Optional.of("(" + left.get() + ") AND (" + right.get() + ")") : Optional.empty();
    }
    if (filter instanceof SourceFilter.Or or) {
      Optional<String> left = compile(or.left());
      Optional<String> right = compile(or.right());
      return left.isPresent() && right.isPresent()
          ? Optional.of("(" + left.get() + ") OR (" + right.get() + ")") : Optional.empty();
    }
    if (filter instanceof SourceFilter.Not not) {
      return compile(not.child()).map(sql -> "(NOT (" + sql + "))");
    }
    return Optional.empty();
  }

  private static Optional<String> value(Object value, DataType type) {
    if (value == null) {
      return Optional.of("NULL");
    }
    if (type == DataTypes.StringType) {
      return Optional.of("'" + value.toString().replace("'", "''") + "'");
    }
    if (type == DataTypes.DateType) {
      return Optional.of("'" + LocalDate.ofEpochDay((Integer) value) + "'");
    }
    if (value instanceof BigDecimal d) {
      return Optional.of(d.toPlainString());
    }
    if (type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.ShortType
        || type == DataTypes.ByteType) {
      return Optional.of(value.toString());
    }
    if ((type == DataTypes.DoubleType || type == DataTypes.FloatType) && value instanceof Double d
        && Double.isFinite(d)) {
      return Optional.of(value.toString());
    }
    return Optional.empty();
  }
}
