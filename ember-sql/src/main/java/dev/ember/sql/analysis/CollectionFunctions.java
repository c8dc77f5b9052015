package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in functions of arrays, maps and structs by Spark's names — constructors ({@code array},
 * {@code map}, {@code named_struct}, {@code struct}), extraction ({@code element_at}, {@code a[i]},
 * {@code m[k]}, {@code s.f}) and the collection functions — resolved to {@link ScalarFunction}s whose
 * kernels are in {@code CollectionKernels}.
 */
final class CollectionFunctions {

  /** The parser's name for {@code a[i]}, {@code m[k]} and {@code s.f}. */
  static final String EXTRACT_VALUE = "__extract_value";
  /** The parser's name for {@code expr.f}. */
  static final String EXTRACT_FIELD = "__extract_field";

  private CollectionFunctions() {}

  static void register(Map<String, Function<FunctionArguments, Expression>> builders) {
    builders.put("array", CollectionFunctions::array);
    builders.put("map", CollectionFunctions::map);
    builders.put("named_struct", CollectionFunctions::namedStruct);
    builders.put("struct", CollectionFunctions::struct);
    builders.put(EXTRACT_VALUE, CollectionFunctions::extractValue);
    builders.put(EXTRACT_FIELD, CollectionFunctions::extractValue);
    builders.put("element_at", CollectionFunctions::elementAt);
    builders.put("size", a -> fn("size", DataTypes.IntegerType, collection(a.count(1, 1), 0)));
    builders.put("cardinality", builders.get("size"));
    builders.put("array_contains", a -> {
      ArrayType type = arrayArg(a.count(2, 2), 0);
      return fn("array_contains", DataTypes.BooleanType, a.raw(0), element(a, 1, type));
    });
    builders.put("array_position", a -> {
      ArrayType type = arrayArg(a.count(2, 2), 0);
      return fn("array_position", DataTypes.LongType, a.raw(0), element(a, 1, type));
    });
    for (String name : List.of("array_distinct", "array_sort")) {
      builders.put(name, a -> fn(name, arrayArg(a.count(1, 1), 0), a.raw(0)));
    }
    builders.put("sort_array", a -> fn("sort_array", arrayArg(a.count(1, 2), 0), a.raw(0),
        a.size() > 1 ? a.as(1, DataTypes.BooleanType) : Literal.TRUE));
    for (String name : List.of("array_min", "array_max")) {
      builders.put(name, a -> fn(name, arrayArg(a.count(1, 1), 0).elementType(), a.raw(0)));
    }
    builders.put("array_join", a -> {
      arrayArg(a.count(2, 3), 0);
      Expression array = castArray(a, 0, DataTypes.StringType);
      return a.size() == 2 ? fn("array_join", DataTypes.StringType, array, a.as(1, DataTypes.StringType))
          : fn("array_join", DataTypes.StringType, array, a.as(1, DataTypes.StringType),
              a.as(2, DataTypes.StringType));
    });
    builders.put("slice", a -> fn("slice", arrayArg(a.count(3, 3), 0), a.raw(0), a.as(1, DataTypes.IntegerType),
        a.as(2, DataTypes.IntegerType)));
    builders.put("flatten", a -> {
      ArrayType outer = arrayArg(a.count(1, 1), 0);
      if (!(outer.elementType() instanceof ArrayType inner)) {
        throw a.wrongType(0, "ARRAY<ARRAY>");
      }
      return fn("flatten", inner, a.raw(0));
    });
    builders.put("map_keys", a -> fn("map_keys", new ArrayType(mapArg(a.count(1, 1), 0).keyType(), false),
        a.raw(0)));
    builders.put("map_values", a -> {
      MapType type = mapArg(a.count(1, 1), 0);
      return fn("map_values", new ArrayType(type.valueType(), type.valueContainsNull()), a.raw(0));
    });
    builders.put("map_from_arrays", a -> fn("map_from_arrays", new MapType(arrayArg(a.count(2, 2), 0).elementType(),
        arrayArg(a, 1).elementType(), true), a.raw(0), a.raw(1)));
    builders.put("split", a -> fn("split", new ArrayType(DataTypes.StringType, false),
        a.count(2, 3).as(0, DataTypes.StringType), a.as(1, DataTypes.StringType),
        a.size() > 2 ? a.as(2, DataTypes.IntegerType) : Literal.of(-1)));
    Function<FunctionArguments, Expression> stringConcat = builders.get("concat");
    builders.put("concat", a -> a.size() > 0 && a.all().stream().allMatch(e -> e.dataType() instanceof ArrayType
        || e.dataType() == DataTypes.NullType) && a.raw(0).dataType() instanceof ArrayType
        ? arrayConcat(a) : stringConcat.apply(a));
    BinaryFunctions.register(builders);
    Generators.register(builders);
  }

  static ScalarFunction fn(String name, DataType type, Expression... arguments) {
    return new ScalarFunction(name, List.of(arguments), type);
  }

  private static Expression array(FunctionArguments a) {
    DataType element = commonType(a.all(), "array");
    List<Expression> args = new ArrayList<>();
    for (Expression e : a.all()) {
      args.add(TypeCoercion.cast(e, element));
    }
    return new ScalarFunction("array", args, new ArrayType(element, true));
  }

  private static Expression map(FunctionArguments a) {
    if (a.size() % 2 != 0) {
      throw a.error("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName", "`map`",
          "expectedNum", "2n (n > 0)", "actualNum", String.valueOf(a.size())));
    }
    List<Expression> keys = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      (i % 2 == 0 ? keys : values).add(a.raw(i));
    }
    DataType keyType = commonType(keys, "map");
    DataType valueType = commonType(values, "map");
    List<Expression> args = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      args.add(TypeCoercion.cast(keys.get(i), keyType));
      args.add(TypeCoercion.cast(values.get(i), valueType));
    }
    return new ScalarFunction("map", args, new MapType(keyType, valueType, true));
  }

  private static Expression namedStruct(FunctionArguments a) {
    if (a.size() % 2 != 0 || a.size() == 0) {
      throw a.error("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName", "`named_struct`",
          "expectedNum", "2n (n > 0)", "actualNum", String.valueOf(a.size())));
    }
    List<StructField> fields = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i < a.size(); i += 2) {
      if (!(a.raw(i) instanceof Literal name) || !(name.value() instanceof String text)) {
        throw a.wrongType(i, "STRING literal");
      }
      fields.add(new StructField(text, a.raw(i + 1).dataType(), true));
      values.add(a.raw(i + 1));
    }
    return new ScalarFunction("struct", values, new StructType(fields));
  }

  private static Expression struct(FunctionArguments a) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Expression e = a.raw(i);
      String name = e instanceof AttributeReference ref ? ref.name() : e instanceof Alias alias ? alias.name()
          : "col" + (i + 1);
      fields.add(new StructField(name, e.dataType(), true));
    }
    return new ScalarFunction("struct", a.all(), new StructType(fields));
  }

  private static Expression extractValue(FunctionArguments a) {
    Expression base = a.raw(0);
    DataType type = base.dataType();
    if (type instanceof StructType struct && a.raw(1) instanceof Literal key && key.value() instanceof String f) {
      int ordinal = struct.fieldIndexOrMinusOne(f);
      if (ordinal < 0) {
        throw a.error("FIELD_NOT_FOUND", Map.of("fieldName", "`" + f + "`", "fields",
            String.join(", ", java.util.Arrays.stream(struct.fieldNames()).map(n -> "`" + n + "`").toList())));
      }
      return fn("get_struct_field", struct.apply(ordinal).dataType(), base, Literal.of(ordinal));
    }
    if (type instanceof ArrayType array) {
      return fn("array_get", array.elementType(), base, a.as(1, DataTypes.IntegerType));
    }
    if (type instanceof MapType map) {
      return fn("map_get", map.valueType(), base, a.as(1, map.keyType()));
    }
    throw a.error("INVALID_EXTRACT_BASE_FIELD_TYPE", Map.of("base", "\"" + base.sql() + "\"",
        "other", "\"" + type.sql() + "\""));
  }

  private static Expression elementAt(FunctionArguments a) {
    a.count(2, 2);
    DataType type = a.raw(0).dataType();
    if (type instanceof MapType map) {
      return fn("map_get", map.valueType(), a.raw(0), a.as(1, map.keyType()));
    }
    ArrayType array = arrayArg(a, 0);
    return fn("element_at", array.elementType(), a.raw(0), a.as(1, DataTypes.IntegerType));
  }

  private static Expression arrayConcat(FunctionArguments a) {
    DataType element = DataTypes.NullType;
    for (Expression e : a.all()) {
      if (e.dataType() instanceof ArrayType t) {
        element = TypeCoercion.widerType(null, element, t.elementType());
      }
    }
    List<Expression> args = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      args.add(a.raw(i).dataType() instanceof ArrayType ? castArray(a, i, element) : a.raw(i));
    }
    return new ScalarFunction("array_concat", args, new ArrayType(element, true));
  }

  /** Argument {@code i}, an array, with its elements cast to {@code element} by a cast kernel per element. */
  private static Expression castArray(FunctionArguments a, int i, DataType element) {
    ArrayType type = (ArrayType) a.raw(i).dataType();
    return type.elementType().equals(element) ? a.raw(i)
        : fn("array_cast", new ArrayType(element, true), a.raw(i));
  }

  private static Expression element(FunctionArguments a, int i, ArrayType array) {
    return a.as(i, array.elementType());
  }

  private static Expression collection(FunctionArguments a, int i) {
    DataType t = a.raw(i).dataType();
    if (t instanceof ArrayType || t instanceof MapType || t == DataTypes.NullType) {
      return a.raw(i);
    }
    throw a.wrongType(i, "ARRAY\" or \"MAP");
  }

  static ArrayType arrayArg(FunctionArguments a, int i) {
    if (a.raw(i).dataType() instanceof ArrayType t) {
      return t;
    }
    throw a.wrongType(i, "ARRAY");
  }

  private static MapType mapArg(FunctionArguments a, int i) {
    if (a.raw(i).dataType() instanceof MapType t) {
      return t;
    }
    throw a.wrongType(i, "MAP");
  }

  private static DataType commonType(List<Expression> expressions, String name) {
    DataType type = DataTypes.NullType;
    for (Expression e : expressions) {
      type = TypeCoercion.widerType(null, type, e.dataType());
    }
    return type;
  }
}
