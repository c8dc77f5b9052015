package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A constant. Values use the internal representation: Boolean, Integer, Long, Double, String, and Integer days
 * since 1970-01-01 for dates; null for SQL NULL. The other types' values are described in {@link TypedLiterals}.
 *
 * @param value the value, or null
 * @param dataType its type
 */
public record Literal(Object value, DataType dataType) implements LeafExpression {

  /** The untyped NULL literal. */
  public static final Literal NULL = new Literal(null, DataTypes.NullType);
  /** TRUE. */
  public static final Literal TRUE = new Literal(true, DataTypes.BooleanType);
  /** FALSE. */
  public static final Literal FALSE = new Literal(false, DataTypes.BooleanType);

  /** Validates the literal. */
  public Literal {
    Objects.requireNonNull(dataType, "dataType is null");
  }

  /** The literal for a Java value, inferring its type. */
  public static Literal of(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Integer) {
      return new Literal(value, DataTypes.IntegerType);
    }
    if (value instanceof Long) {
      return new Literal(value, DataTypes.LongType);
    }
    if (value instanceof Double) {
      return new Literal(value, DataTypes.DoubleType);
    }
    if (value instanceof String) {
      return new Literal(value, DataTypes.StringType);
    }
    if (value instanceof Boolean) {
      return new Literal(value, DataTypes.BooleanType);
    }
    if (value instanceof LocalDate date) {
      return new Literal((int) date.toEpochDay(), DataTypes.DateType);
    }
    Literal typed = TypedLiterals.of(value);
    if (typed != null) {
      return typed;
    }
    throw new IllegalArgumentException("Unsupported literal type " + value.getClass().getName()
        + ": use Integer, Long, Double, String, Boolean or LocalDate");
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public boolean foldable() {
    return true;
  }

  @Override
  public String sql() {
    if (value == null) {
      return "NULL";
    }
    if (dataType == DataTypes.StringType) {
      return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (dataType == DataTypes.DateType) {
      return "DATE '" + LocalDate.ofEpochDay((Integer) value) + "'";
    }
    String typed = TypedLiterals.sql(value, dataType);
    if (typed != null) {
      return typed;
    }
    if (dataType == DataTypes.LongType) {
      return value + "L";
    }
    if (dataType == DataTypes.BooleanType) {
      return value.toString().toUpperCase(java.util.Locale.ROOT);
    }
    return value.toString();
  }

  /** The value as Spark names a column holding only this literal (strings unquoted). */
  public String prettyName() {
    if (value == null) {
      return "NULL";
    }
    if (dataType == DataTypes.DateType) {
      return "DATE '" + LocalDate.ofEpochDay((Integer) value) + "'";
    }
    String typed = TypedLiterals.pretty(value, dataType);
    return typed != null ? typed : value.toString();
  }
}
