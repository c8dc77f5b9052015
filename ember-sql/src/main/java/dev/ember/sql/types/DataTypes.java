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
  /** 8-bit signed integers. */
  public static final DataType ByteType = dev.ember.sql.types.ByteType.INSTANCE;
  /** 16-bit signed integers. */
  public static final DataType ShortType = dev.ember.sql.types.ShortType.INSTANCE;
  /** 32-bit floating point. */
  public static final DataType FloatType = dev.ember.sql.types.FloatType.INSTANCE;
  /** Instants (microseconds since the epoch, UTC), shown in the session time zone. */
  public static final DataType TimestampType = dev.ember.sql.types.TimestampType.INSTANCE;
  /** Local date-times without a time zone (microseconds since 1970-01-01T00:00). */
  public static final DataType TimestampNTZType = dev.ember.sql.types.TimestampNTZType.INSTANCE;
  /** Year-month intervals (a number of months). */
  public static final DataType YearMonthIntervalType = dev.ember.sql.types.YearMonthIntervalType.INSTANCE;
  /** Day-time intervals (a number of microseconds). */
  public static final DataType DayTimeIntervalType = dev.ember.sql.types.DayTimeIntervalType.INSTANCE;
  /** Byte strings. */
  public static final DataType BinaryType = dev.ember.sql.types.BinaryType.INSTANCE;

  private static final java.util.regex.Pattern DECIMAL_NAME = java.util.regex.Pattern.compile(
      "(?i)(decimal|dec|numeric)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  private DataTypes() {}

  /** {@code decimal(precision, scale)}. */
  public static DecimalType createDecimalType(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  /** Spark's default {@code decimal}: decimal(10,0). */
  public static DecimalType createDecimalType() {
    return DecimalType.USER_DEFAULT;
  }

  /** Whether {@code type} is an integral type (tinyint, smallint, int, bigint). */
  public static boolean isIntegral(DataType type) {
    return type == IntegerType || type == LongType || type == ShortType || type == ByteType;
  }

  /** Whether {@code type} is float or double. */
  public static boolean isFractional(DataType type) {
    return type == DoubleType || type == FloatType;
  }

  /** {@code array<elementType>} whose elements may be NULL. */
  public static ArrayType createArrayType(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  /** {@code array<elementType>}. */
  public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
    return new ArrayType(elementType, containsNull);
  }

  /** {@code map<keyType,valueType>} whose values may be NULL. */
  public static MapType createMapType(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  /** {@code map<keyType,valueType>}. */
  public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    return new MapType(keyType, valueType, valueContainsNull);
  }

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
    java.util.regex.Matcher decimal = DECIMAL_NAME.matcher(name.trim());
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(2));
      int scale = decimal.group(3) == null ? 0 : Integer.parseInt(decimal.group(3));
      return precision >= 1 && precision <= DecimalType.MAX_PRECISION && scale <= precision
          ? new DecimalType(precision, scale) : null;
    }
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "boolean", "bool" -> BooleanType;
      case "int", "integer" -> IntegerType;
      case "bigint", "long" -> LongType;
      case "double" -> DoubleType;
      case "string", "varchar", "char" -> StringType;
      case "date" -> DateType;
      case "tinyint", "byte" -> ByteType;
      case "smallint", "short" -> ShortType;
      case "float", "real" -> FloatType;
      case "decimal", "dec", "numeric" -> DecimalType.USER_DEFAULT;
      case "timestamp", "timestamp_ltz" -> TimestampType;
      case "timestamp_ntz" -> TimestampNTZType;
      case "void" -> NullType;
      case "binary" -> BinaryType;
      default -> name.indexOf('<') > 0 ? NestedTypeParser.parse(name) : null;
    };
  }
}
