package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The mapping between Parquet's types and Ember's, in one place, following Spark's
 * {@code ParquetToSparkSchemaConverter}. Reading: BOOLEAN; INT32 as int, INT(8) as tinyint, INT(16) as smallint,
 * unsigned INT(8) as smallint, unsigned INT(16) as int, unsigned INT(32) as bigint, DATE as date; INT64 as bigint,
 * unsigned INT(64) as decimal(20,0); DECIMAL on INT32, INT64, FIXED_LEN_BYTE_ARRAY or BINARY as decimal(p,s);
 * TIMESTAMP(MILLIS/MICROS/NANOS) on INT64 as timestamp when adjusted to UTC, else timestamp_ntz; INT96 as
 * timestamp (the legacy Impala/Hive/Spark encoding); FLOAT as float; DOUBLE; BINARY with UTF8/STRING/ENUM/JSON
 * as string and unannotated BINARY as binary (as string with {@code spark.sql.parquet.binaryAsString}); LIST and
 * MAP groups, other groups and repeated fields as arrays, maps and structs ({@link ParquetNestedSchemas}).
 * TIME, INTERVAL, UUID and unannotated fixed-length byte arrays fail with {@code UNSUPPORTED_FEATURE} naming the
 * column and its Parquet type (see {@link #unsupported}).
 *
 * <p>Writing follows Spark's defaults with {@code writeLegacyFormat=false}: decimals as INT32 up to precision
 * 9, INT64 up to 18 and FIXED_LEN_BYTE_ARRAY of the fewest bytes beyond; timestamps as INT64
 * TIMESTAMP(MICROS) (adjusted to UTC for timestamp, not for timestamp_ntz; Spark's INT96 default is a legacy
 * format every current reader also reads this way); tinyint and smallint as INT32 INT(8)/INT(16); binary as
 * unannotated BINARY; arrays, maps and structs in Spark's standard layout ({@link ParquetNestedSchemas}).
 */
final class ParquetSchemas {

  private ParquetSchemas() {}

  /** The Ember schema of a Parquet file's schema. */
  static StructType toEmber(MessageType schema) {
    return toEmber(schema, false);
  }

  /** The Ember schema of a Parquet file's schema, unannotated BINARY as string when {@code binaryAsString}. */
  static StructType toEmber(MessageType schema, boolean binaryAsString) {
    return ParquetNestedSchemas.toStruct(schema, binaryAsString);
  }

  /** The Ember type of one top-level Parquet field. */
  static DataType toEmber(Type field) {
    return toEmber(field, false);
  }

  /**
   * The Ember type of one Parquet field: a repeated field outside a LIST is an array of non-null elements,
   * a group a list, map or struct, a primitive one of the flat types.
   */
  static DataType toEmber(Type field, boolean binaryAsString) {
    if (!field.isPrimitive() || field.getRepetition() == Type.Repetition.REPEATED) {
      return ParquetNestedSchemas.toEmber(field, binaryAsString);
    }
    return primitiveToEmber(field, binaryAsString);
  }

  /** The Ember type of a primitive Parquet field, ignoring its repetition. */
  static DataType primitiveToEmber(Type field, boolean binaryAsString) {
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      if (decimal.getPrecision() > DecimalType.MAX_PRECISION) {
        throw unsupported(field);
      }
      return new DecimalType(decimal.getPrecision(), decimal.getScale());
    }
    DataType type = switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> logical == null ? DataTypes.BooleanType : null;
      case INT32 -> int32(logical);
      case INT64 -> int64(logical);
      case INT96 -> logical == null ? DataTypes.TimestampType : null;
      case FLOAT -> logical == null ? DataTypes.FloatType : null;
      case DOUBLE -> logical == null ? DataTypes.DoubleType : null;
      case BINARY -> logical == null && !binaryAsString ? DataTypes.BinaryType
          : logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? DataTypes.StringType : null;
      default -> null;
    };
    if (type == null) {
      throw unsupported(field);
    }
    return type;
  }

  private static DataType int32(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return DataTypes.IntegerType;
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return DataTypes.DateType;
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      return switch (integer.getBitWidth()) {
        case 8 -> integer.isSigned() ? DataTypes.ByteType : DataTypes.ShortType;
        case 16 -> integer.isSigned() ? DataTypes.ShortType : DataTypes.IntegerType;
        default -> integer.isSigned() ? DataTypes.IntegerType : DataTypes.LongType;
      };
    }
    return null;
  }

  private static DataType int64(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return DataTypes.LongType;
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      return integer.isSigned() ? DataTypes.LongType : new DecimalType(20, 0);
    }
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      return timestamp.isAdjustedToUTC() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
    }
    return null;
  }

  /** The multiplier from a timestamp column's unit to microseconds (negative: a divisor, for nanoseconds). */
  static long microsFactor(PrimitiveType column) {
    if (column.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation timestamp) {
      TimeUnit unit = timestamp.getUnit();
      return unit == TimeUnit.MILLIS ? 1000 : unit == TimeUnit.NANOS ? -1000 : 1;
    }
    return 1;
  }

  /** The error for a Parquet column Ember cannot represent yet. */
  static AnalysisException unsupported(Type field) {
    return AnalysisException.unsupported("reading the Parquet column `" + field.getName() + "` of type "
        + field.toString().trim() + " (TIME, INTERVAL, UUID and fixed-length binary columns are not supported yet)");
  }

  /** The Parquet schema Ember writes for {@code schema}. */
  static MessageType toParquet(StructType schema) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (StructField field : schema) {
      Type.Repetition repetition = field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      builder.addField(toParquet(field.name(), field.dataType(), repetition, field.name()));
    }
    return builder.named("spark_schema");
  }

  /**
   * The Parquet field {@code name} of {@code type}: nested types in Spark's standard layout, others as
   * primitives; {@code column} names the top-level column in errors.
   */
  static Type toParquet(String name, DataType type, Type.Repetition repetition, String column) {
    Type nested = ParquetNestedSchemas.toParquet(name, type, repetition, column);
    if (nested != null) {
      return nested;
    }
    PrimitiveType primitive = toParquet(type, repetition, name);
    if (primitive == null) {
      throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of("format", "Parquet",
          "columnName", "`" + column + "`", "columnType", "\"" + type.sql() + "\""));
    }
    return primitive;
  }

  private static PrimitiveType toParquet(DataType type, Type.Repetition repetition, String name) {
    if (type instanceof DecimalType decimal) {
      LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(decimal.scale(), decimal.precision());
      if (decimal.precision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
      }
      if (decimal.precision() <= 18) {
        return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
          .length(bytesForPrecision(decimal.precision())).as(annotation).named(name);
    }
    if (type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(type == DataTypes.TimestampType, TimeUnit.MICROS)).named(name);
    }
    if (type == DataTypes.ByteType || type == DataTypes.ShortType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.intType(type == DataTypes.ByteType ? 8 : 16, true)).named(name);
    }
    if (type == DataTypes.DateType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType()).named(name);
    }
    if (type == DataTypes.StringType) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType())
          .named(name);
    }
    if (type == DataTypes.BinaryType) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
    }
    PrimitiveTypeName physical = type == DataTypes.BooleanType ? PrimitiveTypeName.BOOLEAN
        : type == DataTypes.IntegerType ? PrimitiveTypeName.INT32
        : type == DataTypes.LongType ? PrimitiveTypeName.INT64
        : type == DataTypes.FloatType ? PrimitiveTypeName.FLOAT
        : type == DataTypes.DoubleType ? PrimitiveTypeName.DOUBLE : null;
    return physical == null ? null : Types.primitive(physical, repetition).named(name);
  }

  /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
  static int bytesForPrecision(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
      bytes++;
    }
    return bytes;
  }
}
