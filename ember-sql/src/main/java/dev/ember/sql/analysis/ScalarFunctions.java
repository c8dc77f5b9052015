package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in scalar functions (string, math, null, conditional), by Spark's names: each builder checks
 * the argument count, casts the arguments to the types the function takes and returns the resolved
 * expression — a {@link ScalarFunction} whose kernel runs it, or an existing expression (CASE WHEN, IS NULL,
 * %) where Spark's function is a rewrite of one. Date and time functions are in {@link DateTimeFunctions}.
 */
final class ScalarFunctions {

  private static final Map<String, Function<FunctionArguments, Expression>> BUILDERS = new HashMap<>();

  static {
    for (String name : List.of("upper", "lower", "trim", "ltrim", "rtrim", "reverse", "initcap")) {
      BUILDERS.put(name, a -> fn(name, DataTypes.StringType, a.count(1, 1).as(0, DataTypes.StringType)));
    }
    BUILDERS.put("ucase", BUILDERS.get("upper"));
    BUILDERS.put("lcase", BUILDERS.get("lower"));
    BUILDERS.put("length", a -> fn("length", DataTypes.IntegerType, a.count(1, 1).as(0, DataTypes.StringType)));
    BUILDERS.put("char_length", BUILDERS.get("length"));
    BUILDERS.put("character_length", BUILDERS.get("length"));
    BUILDERS.put("substring", ScalarFunctions::substring);
    BUILDERS.put("substr", ScalarFunctions::substring);
    BUILDERS.put("concat", a -> fn("concat", DataTypes.StringType, allAs(a.count(1, Integer.MAX_VALUE),
        DataTypes.StringType, 0)));
    BUILDERS.put("concat_ws", a -> fn("concat_ws", DataTypes.StringType, allAs(a.count(1, Integer.MAX_VALUE),
        DataTypes.StringType, 0)));
    BUILDERS.put("replace", a -> fn("replace", DataTypes.StringType, a.count(2, 3).as(0, DataTypes.StringType),
        a.as(1, DataTypes.StringType), a.size() > 2 ? a.as(2, DataTypes.StringType) : Literal.of("")));
    BUILDERS.put("instr", a -> fn("instr", DataTypes.IntegerType, a.count(2, 2).as(0, DataTypes.StringType),
        a.as(1, DataTypes.StringType)));
    BUILDERS.put("locate", a -> fn("locate", DataTypes.IntegerType, a.count(2, 3).as(0, DataTypes.StringType),
        a.as(1, DataTypes.StringType), a.size() > 2 ? a.as(2, DataTypes.IntegerType) : Literal.of(1)));
    BUILDERS.put("lpad", a -> pad("lpad", a));
    BUILDERS.put("rpad", a -> pad("rpad", a));
    BUILDERS.put("repeat", a -> fn("repeat", DataTypes.StringType, a.count(2, 2).as(0, DataTypes.StringType),
        a.as(1, DataTypes.IntegerType)));
    for (String name : List.of("startswith", "endswith", "contains")) {
      BUILDERS.put(name, a -> fn(name, DataTypes.BooleanType, a.count(2, 2).as(0, DataTypes.StringType),
          a.as(1, DataTypes.StringType)));
    }
    BUILDERS.put("regexp_extract", a -> fn("regexp_extract", DataTypes.StringType,
        a.count(2, 3).as(0, DataTypes.StringType), a.as(1, DataTypes.StringType),
        a.size() > 2 ? a.as(2, DataTypes.IntegerType) : Literal.of(1)));
    BUILDERS.put("regexp_replace", a -> fn("regexp_replace", DataTypes.StringType,
        a.count(3, 3).as(0, DataTypes.StringType), a.as(1, DataTypes.StringType), a.as(2, DataTypes.StringType)));
    // typeof(x): the simple name of the argument's type, as Spark prints it (decimal(2,1), bigint, ...).
    BUILDERS.put("typeof", a -> fn("typeof", DataTypes.StringType, a.count(1, 1).raw(0)));
    registerMath();
    registerNullAndConditional();
    DateTimeFunctions.register(BUILDERS);
    CollectionFunctions.register(BUILDERS);
    CatalogFunctions.register(BUILDERS);
    PartitionFunctions.register(BUILDERS);
  }

  private ScalarFunctions() {}

  /** The names this class resolves (generators and collect_list/collect_set included). */
  static java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(BUILDERS.keySet());
  }

  /** The resolved call, or null when {@code call} names no scalar function. */
  static Expression lookup(UnresolvedFunction call) {
    Function<FunctionArguments, Expression> builder = BUILDERS.get(call.name().toLowerCase(Locale.ROOT));
    if (builder == null) {
      return null;
    }
    if (call.distinct()) {
      throw AnalysisException.unsupported("DISTINCT in the scalar function " + call.name());
    }
    return builder.apply(new FunctionArguments(call));
  }

  static ScalarFunction fn(String name, DataType type, Expression... arguments) {
    return new ScalarFunction(name, List.of(arguments), type);
  }

  private static Expression[] allAs(FunctionArguments a, DataType type, int from) {
    Expression[] out = new Expression[a.size() - from];
    for (int i = from; i < a.size(); i++) {
      out[i - from] = a.as(i, type);
    }
    return out;
  }

  private static Expression substring(FunctionArguments a) {
    a.count(2, 3);
    Expression s = a.as(0, DataTypes.StringType);
    Expression pos = a.as(1, DataTypes.IntegerType);
    return a.size() == 2 ? fn("substring", DataTypes.StringType, s, pos)
        : fn("substring", DataTypes.StringType, s, pos, a.as(2, DataTypes.IntegerType));
  }

  private static Expression pad(String name, FunctionArguments a) {
    a.count(2, 3);
    return fn(name, DataTypes.StringType, a.as(0, DataTypes.StringType), a.as(1, DataTypes.IntegerType),
        a.size() > 2 ? a.as(2, DataTypes.StringType) : Literal.of(" "));
  }

  private static void registerMath() {
    for (String name : List.of("sqrt", "exp", "ln", "log10", "log2", "signum")) {
      BUILDERS.put(name, a -> fn(name, DataTypes.DoubleType, a.count(1, 1).as(0, DataTypes.DoubleType)));
    }
    BUILDERS.put("sign", BUILDERS.get("signum"));
    BUILDERS.put("log", a -> a.count(1, 2).size() == 1
        ? fn("ln", DataTypes.DoubleType, a.as(0, DataTypes.DoubleType))
        : fn("log", DataTypes.DoubleType, a.as(0, DataTypes.DoubleType), a.as(1, DataTypes.DoubleType)));
    BUILDERS.put("pow", a -> fn("pow", DataTypes.DoubleType, a.count(2, 2).as(0, DataTypes.DoubleType),
        a.as(1, DataTypes.DoubleType)));
    BUILDERS.put("power", BUILDERS.get("pow"));
    BUILDERS.put("nanvl", a -> fn("nanvl", DataTypes.DoubleType, a.count(2, 2).as(0, DataTypes.DoubleType),
        a.as(1, DataTypes.DoubleType)));
    BUILDERS.put("abs", a -> {
      Expression x = a.count(1, 1).numeric(0);
      return fn("abs", x.dataType(), x);
    });
    BUILDERS.put("round", a -> round("round", a));
    BUILDERS.put("bround", a -> round("bround", a));
    BUILDERS.put("floor", a -> floorOrCeil("floor", a));
    BUILDERS.put("ceil", a -> floorOrCeil("ceil", a));
    BUILDERS.put("ceiling", a -> floorOrCeil("ceil", a));
    BUILDERS.put("mod", a -> new BinaryArithmetic(ArithmeticOperator.REMAINDER, a.count(2, 2).raw(0), a.raw(1)));
    BUILDERS.put("pmod", a -> {
      a.count(2, 2);
      DataType type = NumericWidening.wider(a.numeric(0).dataType(), a.numeric(1).dataType());
      return fn("pmod", type, new Cast(a.numeric(0), type), new Cast(a.numeric(1), type));
    });
    BUILDERS.put("greatest", a -> extreme("greatest", a));
    BUILDERS.put("least", a -> extreme("least", a));
    BUILDERS.put("rand", a -> fn("rand", DataTypes.DoubleType, a.count(0, 1).size() == 0 ? Literal.of(
        new java.util.Random().nextLong()) : a.as(0, DataTypes.LongType)));
    BUILDERS.put("random", BUILDERS.get("rand"));
  }

  private static Expression round(String name, FunctionArguments a) {
    a.count(1, 2);
    Expression x = a.numeric(0);
    int scale = a.constantInt(1, 0);
    DataType type = x.dataType();
    if (type instanceof DecimalType d) {
      int integral = d.precision() - d.scale() + 1;
      type = scale < 0 ? new DecimalType(Math.min(Math.max(integral, -scale + 1), DecimalType.MAX_PRECISION), 0)
          : new DecimalType(Math.min(integral + Math.min(d.scale(), scale), DecimalType.MAX_PRECISION),
              Math.min(d.scale(), scale));
    }
    return fn(name, type, x, Literal.of(scale));
  }

  private static Expression floorOrCeil(String name, FunctionArguments a) {
    a.count(1, 1);
    Expression x = a.numeric(0);
    if (x.dataType() instanceof DecimalType d) {
      return fn(name, new DecimalType(Math.min(d.precision() - d.scale() + 1, DecimalType.MAX_PRECISION), 0), x);
    }
    if (DataTypes.isFractional(x.dataType())) {
      return fn(name, DataTypes.LongType, new Cast(x, DataTypes.DoubleType));
    }
    return fn(name, DataTypes.LongType, x);
  }

  private static Expression extreme(String name, FunctionArguments a) {
    a.count(2, Integer.MAX_VALUE);
    DataType type = commonType(a, name);
    List<Expression> args = new ArrayList<>();
    for (Expression e : a.all()) {
      args.add(TypeCoercion.cast(e, type));
    }
    return new ScalarFunction(name, args, type);
  }

  /** The type all arguments widen to, or DATA_DIFF_TYPES. */
  private static DataType commonType(FunctionArguments a, String name) {
    DataType type = DataTypes.NullType;
    for (Expression e : a.all()) {
      type = TypeCoercion.widerType(new UnresolvedFunction(name, a.all(), false,
          dev.ember.sql.plan.expressions.Origin.NONE), type, e.dataType());
    }
    return type == DataTypes.NullType ? DataTypes.StringType : type;
  }

  private static void registerNullAndConditional() {
    BUILDERS.put("coalesce", a -> coalesce("coalesce", a.count(1, Integer.MAX_VALUE)));
    BUILDERS.put("nvl", a -> coalesce("nvl", a.count(2, 2)));
    BUILDERS.put("ifnull", a -> coalesce("ifnull", a.count(2, 2)));
    BUILDERS.put("nvl2", a -> {
      a.count(3, 3);
      DataType type = TypeCoercion.widerType(null, a.raw(1).dataType(), a.raw(2).dataType());
      return new ScalarFunction("nvl2", List.of(a.raw(0), TypeCoercion.cast(a.raw(1), type),
          TypeCoercion.cast(a.raw(2), type)), type);
    });
    BUILDERS.put("nullif", a -> new CaseWhen(List.of(TypeCoercion.coerce(new BinaryComparison(
        ComparisonOperator.EQUAL, a.count(2, 2).raw(0), a.raw(1)))), List.of(Literal.NULL), a.raw(0)));
    BUILDERS.put("isnull", a -> new IsNull(a.count(1, 1).raw(0)));
    BUILDERS.put("isnotnull", a -> new IsNotNull(a.count(1, 1).raw(0)));
    BUILDERS.put("if", a -> new CaseWhen(List.of(a.count(3, 3).raw(0)), List.of(a.raw(1)), a.raw(2)));
    BUILDERS.put("iff", BUILDERS.get("if"));
  }

  private static Expression coalesce(String name, FunctionArguments a) {
    DataType type = commonType(a, name);
    List<Expression> args = new ArrayList<>();
    for (Expression e : a.all()) {
      args.add(TypeCoercion.cast(e, type));
    }
    return new ScalarFunction("coalesce", args, type);
  }
}
