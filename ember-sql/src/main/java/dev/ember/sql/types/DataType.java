package dev.ember.sql.types;

import java.io.Serializable;

/**
 * The type of a column or an expression's value, as in Spark SQL. Atomic types are singletons found in
 * {@link DataTypes}; {@link StructType} describes rows.
 */
public abstract class DataType implements Serializable {

  private static final long serialVersionUID = 1L;

  DataType() {}

  /** The short name Spark prints in schemas and casts, e.g. {@code int}, {@code bigint}, {@code string}. */
  public abstract String simpleString();

  /** The name {@code printSchema} shows, e.g. {@code integer}, {@code long}, {@code string}. */
  public abstract String typeName();

  /** Whether values of this type are numbers. */
  public boolean isNumeric() {
    return false;
  }

  /** The SQL spelling used in CAST and in generated column names, e.g. {@code INT}. */
  public String sql() {
    return simpleString().toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
