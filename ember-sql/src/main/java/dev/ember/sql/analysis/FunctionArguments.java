package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of one function call being resolved, with Spark's implicit casts to the types a function
 * takes (strings to numbers and dates, numbers to strings and wider numbers, dates to timestamps and back)
 * and its errors: WRONG_NUM_ARGS and DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE, at the call's position.
 */
final class FunctionArguments {

  private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};
  private final UnresolvedFunction call;
  private final String name;

  FunctionArguments(UnresolvedFunction call) {
    this.call = call;
    this.name = call.name().toLowerCase(Locale.ROOT);
  }

  int size() {
    return call.arguments().size();
  }

  Expression raw(int i) {
    return call.arguments().get(i);
  }

  List<Expression> all() {
    return call.arguments();
  }

  /** An error of {@code condition} at the call's position. */
  AnalysisException error(String condition, Map<String, String> parameters) {
    return new AnalysisException(condition, parameters, call.origin().line(), call.origin().startPosition(), "");
  }

  /** Checks that between {@code min} and {@code max} arguments were given. */
  FunctionArguments count(int min, int max) {
    int actual = size();
    if (actual < min || actual > max) {
      String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "> " + (min - 1)
          : "[" + min + ", " + max + "]";
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName", "`" + name + "`",
          "expectedNum", expected, "actualNum", String.valueOf(actual)), call.origin().line(),
          call.origin().startPosition(), "");
    }
    return this;
  }

  /** Argument {@code i} cast to {@code type}, or an UNEXPECTED_INPUT_TYPE error naming {@code typeName}. */
  Expression as(int i, DataType type) {
    Expression e = raw(i);
    Expression cast = implicitCast(e, type);
    if (cast == null) {
      throw wrongType(i, type.sql());
    }
    return cast;
  }

  /** Argument {@code i} when it is numeric (strings become double). */
  Expression numeric(int i) {
    DataType t = raw(i).dataType();
    if (t.isNumeric()) {
      return raw(i);
    }
    if (t == DataTypes.StringType || t == DataTypes.NullType) {
      return new Cast(raw(i), DataTypes.DoubleType);
    }
    throw wrongType(i, "NUMERIC");
  }

  /** Argument {@code i}, which must be a constant, evaluated as an int. */
  int constantInt(int i, int otherwise) {
    if (i >= size()) {
      return otherwise;
    }
    Expression e = raw(i);
    if (e instanceof Literal literal && literal.value() instanceof Number number) {
      return number.intValue();
    }
    throw wrongType(i, "INT literal");
  }

  AnalysisException wrongType(int i, String required) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("sqlExpr", "\"" + call.sql() + "\"");
    parameters.put("paramIndex", i < ORDINALS.length ? ORDINALS[i] : String.valueOf(i + 1));
    parameters.put("requiredType", "\"" + required + "\"");
    parameters.put("inputSql", "\"" + raw(i).sql() + "\"");
    parameters.put("inputType", "\"" + raw(i).dataType().sql() + "\"");
    return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", parameters, call.origin().line(),
        call.origin().startPosition(), "");
  }

  /** {@code e} as {@code to} when Spark casts it implicitly, else null. */
  static Expression implicitCast(Expression e, DataType to) {
    DataType from = e.dataType();
    if (from.equals(to)) {
      return e;
    }
    boolean allowed = from == DataTypes.NullType
        || from == DataTypes.StringType && (to.isNumeric() || to == DataTypes.DateType
            || to == DataTypes.TimestampType || to == DataTypes.TimestampNTZType || to == DataTypes.BooleanType)
        || to == DataTypes.StringType && (from.isNumeric() || from == DataTypes.DateType
            || from == DataTypes.TimestampType || from == DataTypes.TimestampNTZType || from == DataTypes.BooleanType)
        || from.isNumeric() && to.isNumeric()
        || isDateTime(from) && isDateTime(to);
    return allowed ? new Cast(e, to) : null;
  }

  private static boolean isDateTime(DataType t) {
    return t == DataTypes.DateType || t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType;
  }
}
