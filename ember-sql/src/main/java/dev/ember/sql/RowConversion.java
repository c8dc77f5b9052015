package dev.ember.sql;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Converts between the values users see in rows and the internal values of plans and batches. */
final class RowConversion {

  private RowConversion() {}

  static Row toExternal(Object[] internal, StructType schema) {
    Object[] values = new Object[internal.length];
    for (int i = 0; i < values.length; i++) {
      Object v = internal[i];
      values[i] = v != null && schema.apply(i).dataType() == DataTypes.DateType ? LocalDate.ofEpochDay((Integer) v)
          : ExternalValues.toExternal(v, schema.apply(i).dataType());
    }
    return new Row(values, schema);
  }

  static List<Object> toInternal(Row row, StructType schema) {
    if (row.size() != schema.length()) {
      throw new IllegalArgumentException("Row " + row + " has " + row.size() + " values but the schema has "
          + schema.length() + " fields");
    }
    List<Object> values = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      values.add(internalValue(row.get(i), schema.apply(i).dataType(), schema.apply(i).name()));
    }
    return values;
  }

  private static Object internalValue(Object v, DataType type, String field) {
    if (v == null) {
      return null;
    }
    Object converted = ExternalValues.toInternal(v, type);
    if (converted != null) {
      return converted;
    }
    boolean ok = type == DataTypes.IntegerType && v instanceof Integer
        || type == DataTypes.LongType && v instanceof Long
        || type == DataTypes.DoubleType && v instanceof Double
        || type == DataTypes.StringType && v instanceof String
        || type == DataTypes.BooleanType && v instanceof Boolean
        || type == DataTypes.DateType && v instanceof LocalDate;
    if (!ok) {
      throw new IllegalArgumentException("The value (" + v + ") of the type (" + v.getClass().getName()
          + ") cannot be converted to the " + type.sql() + " type of field " + field);
    }
    return v instanceof LocalDate date ? (Object) (int) date.toEpochDay() : v;
  }
}
