package dev.ember.sql.execution.datasources;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A filter a data source may use to skip data, in the shape of Spark's {@code org.apache.spark.sql.sources}
 * filters: comparisons of one column with constants, null tests and their boolean combinations. Values are
 * internal values of the column's type. Printed as Spark prints pushed filters, e.g. {@code GreaterThan(a,1)}.
 */
public sealed interface SourceFilter extends Serializable {

  /** The column names the filter reads. */
  List<String> references();

  /** The comparisons a filter can make between a column and a value. */
  enum Comparison {
    /** {@code =}. */
    EqualTo,
    /** {@code <=>}. */
    EqualNullSafe,
    /** {@code >}. */
    GreaterThan,
    /** {@code >=}. */
    GreaterThanOrEqual,
    /** {@code <}. */
    LessThan,
    /** {@code <=}. */
    LessThanOrEqual
  }

  /** The value printed as Spark does (dates as {@code yyyy-MM-dd}). */
  static String show(Object value, DataType type) {
    if (value != null && type == DataTypes.DateType) {
      return LocalDate.ofEpochDay((Integer) value).toString();
    }
    return String.valueOf(value);
  }

  /**
   * {@code column op value}.
   *
   * @param comparison the operator
   * @param column the column name
   * @param type the column type
   * @param value the constant, non-null except for EqualNullSafe
   */
  record Compare(Comparison comparison, String column, DataType type, Object value) implements SourceFilter {
    @Override
    public List<String> references() {
      return List.of(column);
    }

    @Override
    public String toString() {
      return comparison + "(" + column + "," + show(value, type) + ")";
    }
  }

  /**
   * {@code column IN (values)}.
   *
   * @param column the column name
   * @param type the column type
   * @param values the non-null constants
   */
  record In(String column, DataType type, List<Object> values) implements SourceFilter {
    /** Copies the values. */
    public In {
      values = List.copyOf(values);
    }

    @Override
    public List<String> references() {
      return List.of(column);
    }

    @Override
    public String toString() {
      return "In(" + column + ", [" + String.join(",", values.stream().map(v -> show(v, type)).toList()) + "])";
    }
  }

  /**
   * {@code column IS NULL}.
   *
   * @param column the column name
   */
  record IsNull(String column) implements SourceFilter {
    @Override
    public List<String> references() {
      return List.of(column);
    }

    @Override
    public String toString() {
      return "IsNull(" + column + ")";
    }
  }

  /**
   * {@code column IS NOT NULL}.
   *
   * @param column the column name
   */
  record IsNotNull(String column) implements SourceFilter {
    @Override
    public List<String> references() {
      return List.of(column);
    }

    @Override
    public String toString() {
      return "IsNotNull(" + column + ")";
    }
  }

  /**
   * Both filters.
   *
   * @param left one filter
   * @param right the other
   */
  record And(SourceFilter left, SourceFilter right) implements SourceFilter {
    @Override
    public List<String> references() {
      return java.util.stream.Stream.concat(left.references().stream(), right.references().stream()).toList();
    }

    @Override
    public String toString() {
      return "And(" + left + "," + right + ")";
    }
  }

  /**
   * Either filter.
   *
   * @param left one filter
   * @param right the other
   */
  record Or(SourceFilter left, SourceFilter right) implements SourceFilter {
    @Override
    public List<String> references() {
      return java.util.stream.Stream.concat(left.references().stream(), right.references().stream()).toList();
    }

    @Override
    public String toString() {
      return "Or(" + left + "," + right + ")";
    }
  }

  /**
   * The negation of a filter.
   *
   * @param child the negated filter
   */
  record Not(SourceFilter child) implements SourceFilter {
    @Override
    public List<String> references() {
      return child.references();
    }

    @Override
    public String toString() {
      return "Not(" + child + ")";
    }
  }
}
