package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The wider type of two composite types of one shape, as Spark's: arrays of the wider element type
 * ({@code array<void>} and {@code array<int>} give {@code array<int>}), maps of wider keys and values,
 * structs of the same field names with wider field types.
 */
final class NestedTypeCoercion {

  private NestedTypeCoercion() {}

  /** The wider type, null when the types are not composites of one shape. */
  static DataType wider(Expression context, DataType l, DataType r) {
    if (l instanceof ArrayType a && r instanceof ArrayType b) {
      return new ArrayType(TypeCoercion.widerType(context, a.elementType(), b.elementType()),
          a.containsNull() || b.containsNull());
    }
    if (l instanceof MapType a && r instanceof MapType b) {
      return new MapType(TypeCoercion.widerType(context, a.keyType(), b.keyType()),
          TypeCoercion.widerType(context, a.valueType(), b.valueType()),
          a.valueContainsNull() || b.valueContainsNull());
    }
    if (l instanceof StructType a && r instanceof StructType b && a.length() == b.length()) {
      List<StructField> fields = new ArrayList<>();
      for (int i = 0; i < a.length(); i++) {
        if (!a.apply(i).name().equalsIgnoreCase(b.apply(i).name())) {
          return null;
        }
        fields.add(new StructField(a.apply(i).name(), TypeCoercion.widerType(context, a.apply(i).dataType(),
            b.apply(i).dataType()), a.apply(i).nullable() || b.apply(i).nullable()));
      }
      return new StructType(fields);
    }
    return null;
  }
}
