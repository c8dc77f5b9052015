package dev.ember.sql.types;

/**
 * The tree {@code printSchema} draws, nested as Spark's: an array's {@code element}, a map's {@code key} and
 * {@code value} and a struct's fields each one level deeper, prefixed with {@code |    }.
 */
final class SchemaTrees {

  private SchemaTrees() {}

  /** Appends {@code prefix-- name: type (nullKind = nullable)} and the lines of the type's children. */
  static void appendField(StringBuilder sb, String prefix, String name, DataType type, String nullKind,
      boolean nullable) {
    sb.append(prefix).append("-- ").append(name).append(": ").append(type.typeName());
    if (nullKind != null) {
      sb.append(" (").append(nullKind).append(" = ").append(nullable).append(')');
    }
    sb.append('\n');
    appendChildren(sb, prefix + "    |", type);
  }

  private static void appendChildren(StringBuilder sb, String prefix, DataType type) {
    if (type instanceof ArrayType array) {
      appendField(sb, prefix, "element", array.elementType(), "containsNull", array.containsNull());
    } else if (type instanceof MapType map) {
      appendField(sb, prefix, "key", map.keyType(), null, false);
      appendField(sb, prefix, "value", map.valueType(), "valueContainsNull", map.valueContainsNull());
    } else if (type instanceof StructType struct) {
      for (StructField field : struct.fieldList()) {
        appendField(sb, prefix, field.name(), field.dataType(), "nullable", field.nullable());
      }
    }
  }
}
