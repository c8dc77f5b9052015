package dev.ember.sql;

import dev.ember.sql.encoders.UpCast;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds one input column to the nested type an encoder's field expects, as Spark's deserializers do for
 * {@code as(bean)}: struct fields by name (case-insensitively, extra input fields dropped, a missing one
 * {@code FIELD_NOT_FOUND}), arrays and maps element by element, and leaves up-cast by {@code UpCast}.
 * Structs are rebuilt field by field ({@code struct(get_struct_field(...), ...)}, NULL kept NULL); inside
 * arrays and maps, which have no per-element expressions here, struct elements must already have the fields
 * in the encoder's order, and the whole column is cast.
 */
final class NestedBinding {

  /** Thrown for a leaf that cannot be up-cast, so the caller reports it with the column and the root class. */
  static final class NotUpCastable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final DataType from;
    final DataType to;

    NotUpCastable(DataType from, DataType to) {
      super(null, null, false, false);
      this.from = from;
      this.to = to;
    }
  }

  private NestedBinding() {}

  /** {@code input} (of type {@code from}) as a value of {@code to}. */
  static Expression bind(Expression input, DataType from, DataType to) {
    if (from.equals(to)) {
      return input;
    }
    if (to instanceof StructType target) {
      StructType source = expect(from, StructType.class, "STRUCT", to);
      List<Expression> values = new ArrayList<>();
      for (StructField field : target) {
        int ordinal = fieldIndex(source, field.name());
        StructField in = source.apply(ordinal);
        Expression value = new ScalarFunction("get_struct_field", List.of(input, Literal.of(ordinal)),
            in.dataType());
        values.add(bind(value, in.dataType(), field.dataType()));
      }
      Expression struct = new ScalarFunction("struct", values, target);
      return new CaseWhen(List.of(new IsNull(input)), List.of(new Literal(null, target)), struct);
    }
    if (to instanceof ArrayType || to instanceof MapType) {
      expect(from, to.getClass(), to instanceof ArrayType ? "ARRAY" : "MAP", to);
      checkCastable(from, to);
      return new Cast(input, to);
    }
    if (UpCast.canUpCast(from, to)) {
      return new Cast(input, to);
    }
    throw new NotUpCastable(from, to);
  }

  /** Checks that casting {@code from} to {@code to} inside arrays and maps needs no reordering of fields. */
  private static void checkCastable(DataType from, DataType to) {
    if (from.equals(to)) {
      return;
    }
    if (to instanceof ArrayType target) {
      checkCastable(expect(from, ArrayType.class, "ARRAY", to).elementType(), target.elementType());
    } else if (to instanceof MapType target) {
      MapType source = expect(from, MapType.class, "MAP", to);
      checkCastable(source.keyType(), target.keyType());
      checkCastable(source.valueType(), target.valueType());
    } else if (to instanceof StructType target) {
      StructType source = expect(from, StructType.class, "STRUCT", to);
      for (int i = 0; i < target.length(); i++) {
        int ordinal = fieldIndex(source, target.apply(i).name());
        if (ordinal != i || source.length() != target.length()) {
          throw AnalysisException.unsupported("binding a struct inside an array or map whose fields are not those "
              + "of the encoder in its order (" + source.simpleString() + " to " + target.simpleString()
              + "); select the fields in that order first");
        }
        checkCastable(source.apply(i).dataType(), target.apply(i).dataType());
      }
    } else if (!UpCast.canUpCast(from, to)) {
      throw new NotUpCastable(from, to);
    }
  }

  private static int fieldIndex(StructType source, String name) {
    int ordinal = source.fieldIndexOrMinusOne(name);
    if (ordinal < 0) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("fieldName", quote(name));
      parameters.put("fields", String.join(", ", source.fieldList().stream().map(f -> quote(f.name())).toList()));
      throw new AnalysisException("FIELD_NOT_FOUND", parameters);
    }
    return ordinal;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static <T extends DataType> T expect(DataType from, Class<T> kind, String kindName, DataType to) {
    if (kind.isInstance(from)) {
      return kind.cast(from);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("desiredType", "\"" + kindName + "\"");
    parameters.put("dataType", "\"" + from.sql() + "\"");
    throw new AnalysisException("UNSUPPORTED_DESERIALIZER.DATA_TYPE_MISMATCH", parameters);
  }
}
