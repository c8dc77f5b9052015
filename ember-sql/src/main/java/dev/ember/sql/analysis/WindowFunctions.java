package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.FrameValueFunction;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.OffsetWindowFunction;
import dev.ember.sql.plan.expressions.RankingFunction;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in window functions: row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead,
 * first_value, last_value and nth_value. Their constant arguments (ntile's buckets, lag's offset, nth_value's
 * n) must be integer literals, as Spark requires them to be foldable.
 */
final class WindowFunctions {

  /** The names this class resolves (first_value and last_value are aggregates too). */
  static final java.util.Set<String> NAMES = java.util.Set.of("row_number", "rank", "dense_rank", "percent_rank",
      "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

  private WindowFunctions() {}

  /** The window function {@code call} names, or null when it names none. Arguments are resolved. */
  static Expression lookup(UnresolvedFunction call) {
    String name = call.name().toLowerCase(Locale.ROOT);
    List<Expression> args = call.arguments();
    switch (name) {
      case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist" -> {
        arity(call, name, args, 0, 0, "0");
        return new RankingFunction(RankingFunction.Kind.valueOf(name.toUpperCase(Locale.ROOT)), 0);
      }
      case "ntile" -> {
        arity(call, name, args, 1, 1, "1");
        return new RankingFunction(RankingFunction.Kind.NTILE, positiveInt(call, args.get(0), "buckets"));
      }
      case "lag", "lead" -> {
        arity(call, name, args, 1, 3, "[1, 2, 3]");
        int offset = args.size() > 1 ? intLiteral(call, args.get(1)) : 1;
        Expression input = args.get(0);
        Expression fallback = args.size() > 2 ? args.get(2) : Literal.NULL;
        return new OffsetWindowFunction(name.equals("lead"), input, offset,
            TypeCoercion.cast(fallback, input.dataType()));
      }
      case "first_value", "last_value" -> {
        arity(call, name, args, 1, 1, "1");
        return new FrameValueFunction(FrameValueFunction.Kind.valueOf(name.toUpperCase(Locale.ROOT)),
            args.get(0), 1);
      }
      case "nth_value" -> {
        arity(call, name, args, 2, 2, "2");
        return new FrameValueFunction(FrameValueFunction.Kind.NTH_VALUE, args.get(0),
            positiveInt(call, args.get(1), "offset"));
      }
      default -> {
        return null;
      }
    }
  }

  private static void arity(UnresolvedFunction call, String name, List<Expression> args, int min, int max,
      String expected) {
    if (args.size() < min || args.size() > max) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName", "`" + name + "`",
          "expectedNum", expected, "actualNum", String.valueOf(args.size())),
          call.origin().line(), call.origin().startPosition(), "");
    }
  }

  private static int intLiteral(UnresolvedFunction call, Expression e) {
    if (e instanceof Literal literal && literal.value() instanceof Integer n) {
      return n;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("sqlExpr", "\"" + call.sql() + "\"");
    parameters.put("paramIndex", "second");
    parameters.put("requiredType", "\"INT\" constant");
    parameters.put("inputSql", "\"" + e.sql() + "\"");
    parameters.put("inputType", "\"" + (e.resolved() ? e.dataType().sql() : "?") + "\"");
    throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", parameters,
        call.origin().line(), call.origin().startPosition(), "");
  }

  private static int positiveInt(UnresolvedFunction call, Expression e, String what) {
    int n = intLiteral(call, e);
    if (n <= 0) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("sqlExpr", "\"" + call.sql() + "\"");
      parameters.put("exprName", what);
      parameters.put("valueRange", "(0, 2147483647]");
      parameters.put("currentValue", String.valueOf(n));
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", parameters,
          call.origin().line(), call.origin().startPosition(), "");
    }
    return n;
  }
}
