package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Parquet's nested types and Ember's, as Spark's {@code ParquetToSparkSchemaConverter} and
 * {@code SparkToParquetSchemaConverter} map them.
 *
 * <p>Reading: a group annotated LIST is an array: its one repeated child is the element itself in the legacy
 * 2-level layouts (a primitive, a group of several fields, a group named {@code array} or
 * {@code <list>_tuple}; the elements are then non-null) and otherwise the standard 3-level wrapper whose one
 * field is the element (nullable when optional). A group annotated MAP or MAP_KEY_VALUE is a map of its
 * repeated child's two fields. Any other group is a struct. A repeated field outside a LIST or MAP is an array
 * of non-null elements (and is never NULL itself: no occurrence is an empty array).
 *
 * <p>Writing (Spark's standard layout, {@code writeLegacyFormat=false}):
 * <pre>
 * optional group a (LIST) { repeated group list { optional int32 element; } }
 * optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int32 value; } }
 * optional group s { optional int32 x; }
 * </pre>
 */
final class ParquetNestedSchemas {

  private ParquetNestedSchemas() {}

  /** The struct of a group's fields (a file's schema, or a nested group). */
  static StructType toStruct(GroupType group, boolean binaryAsString) {
    List<StructField> fields = new ArrayList<>();
    for (Type field : group.getFields()) {
      fields.add(new StructField(field.getName(), ParquetSchemas.toEmber(field, binaryAsString),
          field.getRepetition() == Type.Repetition.OPTIONAL));
    }
    return new StructType(fields);
  }

  /** Whether a top-level field needs record assembly: a group or a repeated field. */
  static boolean isNested(Type field) {
    return !field.isPrimitive() || field.getRepetition() == Type.Repetition.REPEATED;
  }

  /** The Ember type of a group or repeated field. */
  static DataType toEmber(Type field, boolean binaryAsString) {
    if (field.getRepetition() == Type.Repetition.REPEATED) {
      return new ArrayType(withoutRepetition(field, binaryAsString), false);
    }
    return withoutRepetition(field, binaryAsString);
  }

  private static DataType withoutRepetition(Type field, boolean binaryAsString) {
    if (field.isPrimitive()) {
      return ParquetSchemas.primitiveToEmber(field, binaryAsString);
    }
    GroupType group = field.asGroupType();
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Type repeated = listChild(group);
      if (isLegacyElement(repeated, group.getName())) {
        return new ArrayType(withoutRepetition(repeated, binaryAsString), false);
      }
      Type element = repeated.asGroupType().getType(0);
      return new ArrayType(ParquetSchemas.toEmber(element, binaryAsString),
          element.getRepetition() == Type.Repetition.OPTIONAL);
    }
    if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      GroupType keyValue = mapChild(group);
      Type value = keyValue.getType(1);
      return new MapType(ParquetSchemas.toEmber(keyValue.getType(0), binaryAsString),
          ParquetSchemas.toEmber(value, binaryAsString), value.getRepetition() == Type.Repetition.OPTIONAL);
    }
    if (group.getFieldCount() == 0) {
      throw invalid(group, "a group without fields");
    }
    return toStruct(group, binaryAsString);
  }

  /**
   * The type to read {@code field} (whose own Ember type is {@code stored}) as when a schema asks for
   * {@code wanted}: {@code wanted} when the two differ only in the nullability of fields, elements or values,
   * or when unannotated BINARY is read as string ({@code spark.sql.parquet.binaryAsString}); else
   * {@code stored}, for the caller to report the mismatch.
   */
  static DataType readAs(Type field, DataType stored, DataType wanted) {
    if (sameIgnoringNullability(stored, wanted)
        || sameIgnoringNullability(ParquetSchemas.toEmber(field, true), wanted)) {
      return wanted;
    }
    return stored;
  }

  private static boolean sameIgnoringNullability(DataType a, DataType b) {
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return sameIgnoringNullability(x.elementType(), y.elementType());
    }
    if (a instanceof MapType x && b instanceof MapType y) {
      return sameIgnoringNullability(x.keyType(), y.keyType())
          && sameIgnoringNullability(x.valueType(), y.valueType());
    }
    if (a instanceof StructType x && b instanceof StructType y) {
      if (x.length() != y.length()) {
        return false;
      }
      for (int i = 0; i < x.length(); i++) {
        if (!x.apply(i).name().equals(y.apply(i).name())
            || !sameIgnoringNullability(x.apply(i).dataType(), y.apply(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** The one repeated child of a LIST group. */
  static Type listChild(GroupType list) {
    if (list.getFieldCount() != 1 || list.getType(0).getRepetition() != Type.Repetition.REPEATED) {
      throw invalid(list, "an invalid list type");
    }
    Type repeated = list.getType(0);
    if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 0) {
      throw invalid(list, "an invalid list type");
    }
    return repeated;
  }

  /** The repeated key-value group of a MAP group. */
  static GroupType mapChild(GroupType map) {
    if (map.getFieldCount() != 1 || map.getType(0).isPrimitive()
        || map.getType(0).getRepetition() != Type.Repetition.REPEATED
        || map.getType(0).asGroupType().getFieldCount() != 2) {
      throw invalid(map, "an invalid map type");
    }
    return map.getType(0).asGroupType();
  }

  /**
   * Whether the repeated child of a LIST group is the element itself (the legacy 2-level layouts of
   * parquet-avro, parquet-thrift, Hive and old Spark) rather than the 3-level wrapper; Spark's rules.
   */
  static boolean isLegacyElement(Type repeated, String listName) {
    return repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1
        || repeated.getName().equals("array") || repeated.getName().equals(listName + "_tuple");
  }

  private static AnalysisException invalid(GroupType field, String what) {
    return AnalysisException.unsupported("reading the Parquet column `" + field.getName() + "`: "
        + what + " (" + field.toString().replaceAll("\\s+", " ").trim() + ")");
  }

  /**
   * The Parquet field {@code name} of an array, map or struct type in Spark's standard layout, or null
   * for a flat type; {@code column} names the top-level column in errors.
   */
  static Type toParquet(String name, DataType type, Type.Repetition repetition, String column) {
    if (type instanceof ArrayType array) {
      Type element = ParquetSchemas.toParquet("element", array.elementType(), repetition(array.containsNull()),
          column);
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(element).named("list")).named(name);
    }
    if (type instanceof MapType map) {
      Type key = ParquetSchemas.toParquet("key", map.keyType(), Type.Repetition.REQUIRED, column);
      Type value = ParquetSchemas.toParquet("value", map.valueType(), repetition(map.valueContainsNull()), column);
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
          .addField(Types.repeatedGroup().addField(key).addField(value).named("key_value")).named(name);
    }
    if (type instanceof StructType struct) {
      if (struct.length() == 0) {
        throw AnalysisException.unsupported("writing the Parquet column `" + column + "`: Parquet has no "
            + "empty groups for the empty struct " + type.sql());
      }
      Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
      for (StructField field : struct) {
        group.addField(ParquetSchemas.toParquet(field.name(), field.dataType(), repetition(field.nullable()),
            column));
      }
      return group.named(name);
    }
    return null;
  }

  private static Type.Repetition repetition(boolean nullable) {
    return nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
  }
}
