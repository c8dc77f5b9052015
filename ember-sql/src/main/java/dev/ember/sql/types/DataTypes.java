package dev.ember.sql.types;

import java.util.List;

/** The atomic type singletons and factories for composite types, as in Spark's Java API. */
public final class DataTypes {

  /** The type of the NULL literal. */
  public static final DataType NullType = dev.ember.sql.types.NullType.INSTANCE;
  /** true / false. */
  public static final DataType BooleanType = dev.ember.sql.types.BooleanType.INSTANCE;
  /** 32-bit signed integers. */
  public static final DataType IntegerType = dev.ember.sql.types.IntegerType.INSTANCE;
  /** 64-bit signed integers. */
  public static final DataType LongType = dev.ember.sql.types.LongType.INSTANCE;
  /** 64-bit floating point. */
  public static final DataType DoubleType = dev.ember.sql.types.DoubleType.INSTANCE;
  /** Unicode strings. */
  public static final DataType StringType = dev.ember.sql.types.StringType.INSTANCE;
  /** Calendar dates without a time zone (held as days since 1970-01-01). */
  public static final DataType DateType = dev.ember.sql.types.DateType.INSTANCE;

  private DataTypes() {}

  /** A nullable field. */
  public static StructField createStructField(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable);
  }

  /** A struct of the given fields. */
  public static StructType createStructType(List<StructField> fields) {
    return new StructType(fields);
  }

  /**
   * The type a SQL type name means ({@code int}, {@code bigint}, {@code string}, ...), or null when Ember
   * does not know it.
   */
  public static DataType fromSqlName(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "boolean", "bool" -> BooleanType;
      case "int", "integer" -> IntegerType;
      case "bigint", "long" -> LongType;
      case "double" -> DoubleType;
      case "string", "varchar", "char" -> StringType;
      case "date" -> DateType;
      case "void" -> NullType;
      default -> null;
    };
  }
}
