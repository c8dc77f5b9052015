package dev.ember.sql;

import dev.ember.sql.api.java.UDF1;
import dev.ember.sql.api.java.UDF2;
import dev.ember.sql.api.java.UDF3;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.plan.expressions.UserDefinedFunctionCall;
import dev.ember.sql.types.DataType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's user-defined functions, Spark's {@code spark.udf()}: registered Java lambdas callable from
 * SQL ({@code SELECT plus_one(x) FROM t}) and through {@code functions.callUDF}. Names are case-insensitive
 * and take precedence over built-in functions of the same name, as temporary functions do in Spark.
 *
 * <pre>{@code
 * session.udf().register("plus_one", (UDF1<Integer, Integer>) x -> x == null ? null : x + 1,
 *     DataTypes.IntegerType);
 * }</pre>
 */
public final class UDFRegistration {

  private final Map<String, UserDefinedFunction> functions = new ConcurrentHashMap<>();

  UDFRegistration() {}

  /** Registers a function of one argument returning {@code returnType}. */
  public UserDefinedFunction register(String name, UDF1<?, ?> f, DataType returnType) {
    return register(name, new UserDefinedFunction(name, f, returnType));
  }

  /** Registers a function of two arguments returning {@code returnType}. */
  public UserDefinedFunction register(String name, UDF2<?, ?, ?> f, DataType returnType) {
    return register(name, new UserDefinedFunction(name, f, returnType));
  }

  /** Registers a function of three arguments returning {@code returnType}. */
  public UserDefinedFunction register(String name, UDF3<?, ?, ?, ?> f, DataType returnType) {
    return register(name, new UserDefinedFunction(name, f, returnType));
  }

  /** Registers {@code udf} under {@code name}, replacing a function of that name. */
  public UserDefinedFunction register(String name, UserDefinedFunction udf) {
    UserDefinedFunction named = udf.withName(name);
    functions.put(name.toLowerCase(Locale.ROOT), named);
    return named;
  }

  /** The names of the registered functions, lower case. */
  java.util.Set<String> names() {
    return java.util.Set.copyOf(functions.keySet());
  }

  /** The function registered as {@code name}, or null. */
  UserDefinedFunction get(String name) {
    return functions.get(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a function named {@code name} is registered. */
  public boolean isRegistered(String name) {
    return functions.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** {@code plan} with calls of registered functions bound to them (before analysis resolves the rest). */
  LogicalPlan bind(LogicalPlan plan) {
    if (functions.isEmpty()) {
      return plan;
    }
    return plan.transformAllExpressions(this::bind);
  }

  private Expression bind(Expression e) {
    if (e instanceof UnresolvedFunction call) {
      UserDefinedFunction udf = functions.get(call.name().toLowerCase(Locale.ROOT));
      if (udf != null) {
        int arity = UserDefinedFunctionCall.arity(udf.function());
        if (arity != call.arguments().size()) {
          throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
              "`" + call.name() + "`", "expectedNum", String.valueOf(arity), "actualNum",
              String.valueOf(call.arguments().size())), call.origin().line(), call.origin().startPosition(), "");
        }
        return new UserDefinedFunctionCall(udf.name(), udf.function(), udf.dataType(), call.arguments());
      }
    }
    return e;
  }
}
