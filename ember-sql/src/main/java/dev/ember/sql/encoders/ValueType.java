package dev.ember.sql.encoders;

import dev.ember.sql.execution.expressions.DateTimeUtils;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The Java classes a single column can hold in a typed Dataset, each with its SQL type and its conversion to
 * and from the internal values of batches. Primitive classes (bean fields of type {@code int}) share the
 * conversions of their boxes but are not nullable, as in Spark's JavaTypeInference.
 */
public enum ValueType {
  /** {@code java.lang.String} as string. */
  STRING(String.class, DataTypes.StringType),
  /** {@code java.lang.Integer} as int. */
  INT(Integer.class, DataTypes.IntegerType),
  /** {@code java.lang.Long} as bigint. */
  LONG(Long.class, DataTypes.LongType),
  /** {@code java.lang.Double} as double. */
  DOUBLE(Double.class, DataTypes.DoubleType),
  /** {@code java.lang.Float} as float (held as a double internally). */
  FLOAT(Float.class, DataTypes.FloatType),
  /** {@code java.lang.Short} as smallint (held as an int internally). */
  SHORT(Short.class, DataTypes.ShortType),
  /** {@code java.lang.Byte} as tinyint (held as an int internally). */
  BYTE(Byte.class, DataTypes.ByteType),
  /** {@code java.lang.Boolean} as boolean. */
  BOOLEAN(Boolean.class, DataTypes.BooleanType),
  /** {@code java.math.BigDecimal} as decimal(38,18), Spark's default for Java decimals. */
  DECIMAL(BigDecimal.class, DataTypes.createDecimalType(38, 18)),
  /** {@code java.time.LocalDate} as date (days since the epoch). */
  LOCAL_DATE(LocalDate.class, DataTypes.DateType),
  /** {@code java.sql.Date} as date, read in the JVM's time zone as JDBC does. */
  SQL_DATE(java.sql.Date.class, DataTypes.DateType),
  /** {@code java.sql.Timestamp} as timestamp (microseconds since the epoch). */
  TIMESTAMP(Timestamp.class, DataTypes.TimestampType),
  /** {@code java.time.Instant} as timestamp. */
  INSTANT(Instant.class, DataTypes.TimestampType),
  /** {@code byte[]} as binary (the array itself internally). */
  BINARY(byte[].class, DataTypes.BinaryType);

  private final Class<?> javaClass;
  private final DataType dataType;

  ValueType(Class<?> javaClass, DataType dataType) {
    this.javaClass = javaClass;
    this.dataType = dataType;
  }

  /** The (boxed) Java class. */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** The SQL type of the column. */
  public DataType dataType() {
    return dataType;
  }

  /** The value type of {@code type} (a box or a primitive), or null when no single column holds it. */
  public static ValueType forClass(Class<?> type) {
    Class<?> boxed = box(type);
    for (ValueType v : values()) {
      if (v.javaClass == boxed) {
        return v;
      }
    }
    return null;
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "boolean" -> Boolean.class;
      default -> type;
    };
  }

  /** The internal value of {@code v} (an instance of {@link #javaClass()} or null). */
  public Object toInternal(Object v) {
    if (v == null) {
      return null;
    }
    return switch (this) {
      case FLOAT -> (double) (Float) v;
      case SHORT -> (int) (Short) v;
      case BYTE -> (int) (Byte) v;
      case DECIMAL -> ((BigDecimal) v).setScale(((DecimalType) dataType).scale(), RoundingMode.HALF_UP);
      case LOCAL_DATE -> (int) ((LocalDate) v).toEpochDay();
      case SQL_DATE -> (int) ((java.sql.Date) v).toLocalDate().toEpochDay();
      case TIMESTAMP -> DateTimeUtils.instantToMicros(((Timestamp) v).toInstant());
      case INSTANT -> DateTimeUtils.instantToMicros((Instant) v);
      default -> v;
    };
  }

  /** The Java value of internal {@code v}, null for NULL. */
  public Object toExternal(Object v) {
    if (v == null) {
      return null;
    }
    return switch (this) {
      case FLOAT -> (float) (double) (Double) v;
      case SHORT -> (short) (int) (Integer) v;
      case BYTE -> (byte) (int) (Integer) v;
      case LOCAL_DATE -> LocalDate.ofEpochDay((Integer) v);
      case SQL_DATE -> java.sql.Date.valueOf(LocalDate.ofEpochDay((Integer) v));
      case TIMESTAMP -> Timestamp.from(DateTimeUtils.microsToInstant((Long) v));
      case INSTANT -> DateTimeUtils.microsToInstant((Long) v);
      default -> v;
    };
  }
}
