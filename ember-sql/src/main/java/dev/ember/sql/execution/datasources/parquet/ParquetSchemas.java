package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The mapping between Parquet's types and Ember's, in one place. Reading: BOOLEAN, INT32 (also INT(8/16) and
 * unsigned INT(8/16), widened to int since Ember has no tinyint/smallint yet), INT32 DATE, unsigned INT(32) as
 * bigint, INT64, FLOAT (widened to double: no float type yet), DOUBLE, BINARY (UTF8/STRING/ENUM/JSON and
 * unannotated, as string: no binary type yet). DECIMAL, TIMESTAMP, INT96, TIME, unsigned INT(64), fixed-length
 * byte arrays, nested groups and repeated fields fail with {@code UNSUPPORTED_FEATURE} naming the column and
 * its Parquet type (see {@link #unsupported}): wire them here once Ember has the types.
 */
final class ParquetSchemas {

  private ParquetSchemas() {}

  /** The Ember schema of a Parquet file's schema. */
  static StructType toEmber(MessageType schema) {
    List<StructField> fields = new ArrayList<>();
    for (Type field : schema.getFields()) {
      fields.add(new StructField(field.getName(), toEmber(field), field.getRepetition() != Type.Repetition.REQUIRED));
    }
    return new StructType(fields);
  }

  /** The Ember type of one top-level Parquet field. */
  static DataType toEmber(Type field) {
    if (!field.isPrimitive() || field.getRepetition() == Type.Repetition.REPEATED) {
      throw unsupported(field);
    }
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN:
        if (logical == null) {
          return DataTypes.BooleanType;
        }
        throw unsupported(field);
      case INT32:
        if (logical == null) {
          return DataTypes.IntegerType;
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return DataTypes.DateType;
        }
        if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
          return integer.isSigned() || integer.getBitWidth() < 32 ? DataTypes.IntegerType : DataTypes.LongType;
        }
        throw unsupported(field);
      case INT64:
        if (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
            && integer.isSigned()) {
          return DataTypes.LongType;
        }
        throw unsupported(field);
      case FLOAT:
      case DOUBLE:
        return DataTypes.DoubleType;
      case BINARY:
        if (logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return DataTypes.StringType;
        }
        throw unsupported(field);
      default:
        throw unsupported(field);
    }
  }

  /** The error for a Parquet column Ember cannot represent yet. */
  static AnalysisException unsupported(Type field) {
    return AnalysisException.unsupported("reading the Parquet column `" + field.getName() + "` of type "
        + field.toString().trim() + " (DECIMAL, TIMESTAMP, INT96, nested and repeated columns are not "
        + "supported yet)");
  }

  /** The Parquet schema Ember writes for {@code schema}. */
  static MessageType toParquet(StructType schema) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (StructField field : schema) {
      Type.Repetition repetition = field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      DataType type = field.dataType();
      PrimitiveType column;
      if (type == DataTypes.BooleanType) {
        column = Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
      } else if (type == DataTypes.IntegerType) {
        column = Types.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
      } else if (type == DataTypes.DateType) {
        column = Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType())
            .named(field.name());
      } else if (type == DataTypes.LongType) {
        column = Types.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
      } else if (type == DataTypes.DoubleType) {
        column = Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(field.name());
      } else if (type == DataTypes.StringType) {
        column = Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType())
            .named(field.name());
      } else {
        throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of("format", "Parquet",
            "columnName", "`" + field.name() + "`", "columnType", "\"" + type.sql() + "\""));
      }
      builder.addField(column);
    }
    return builder.named("spark_schema");
  }
}
