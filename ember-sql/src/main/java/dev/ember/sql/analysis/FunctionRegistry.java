package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.CountDistinct;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Max;
import dev.ember.sql.plan.expressions.Min;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The built-in functions by case-insensitive name. This slice has the five basic aggregates. */
final class FunctionRegistry {

  private static final Map<String, Function<Expression, Expression>> UNARY = new LinkedHashMap<>();

  static {
    UNARY.put("count", Count::new);
    UNARY.put("sum", Sum::new);
    UNARY.put("avg", Average::new);
    UNARY.put("mean", Average::new);
    UNARY.put("min", Min::new);
    UNARY.put("max", Max::new);
  }

  private FunctionRegistry() {}

  /** The names of the basic aggregates this class resolves itself. */
  static java.util.Set<String> basicAggregates() {
    return java.util.Collections.unmodifiableSet(UNARY.keySet());
  }

  /** The expression a call resolves to; its arguments must already be resolved. */
  static Expression lookup(UnresolvedFunction call) {
    String name = call.name().toLowerCase(Locale.ROOT);
    GroupingSetsResolver.rejectOutsideGroupingSets(call);
    Expression windowFunction = WindowFunctions.lookup(call);
    if (windowFunction != null) {
      return windowFunction;
    }
    Expression scalar = ScalarFunctions.lookup(call);
    if (scalar != null) {
      return scalar;
    }
    Expression aggregate = AggregateFunctions.lookup(call);
    if (aggregate != null) {
      return aggregate;
    }
    Expression orderStatistic = OrderStatisticFunctions.lookup(call);
    if (orderStatistic != null) {
      return orderStatistic;
    }
    Function<Expression, Expression> builder = UNARY.get(name);
    if (builder == null) {
      throw new AnalysisException("UNRESOLVED_ROUTINE", Map.of("routineName", "`" + call.name() + "`",
          "searchPath", "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"),
          call.origin().line(), call.origin().startPosition(), "");
    }
    List<Expression> arguments = call.arguments();
    boolean distinctMatters = call.distinct() && !name.equals("min") && !name.equals("max");
    if (distinctMatters && !name.equals("count")) {
      throw AnalysisException.unsupported("DISTINCT in aggregate functions other than count (" + name
          + "(DISTINCT ...))");
    }
    if (arguments.size() != 1) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName", "`" + name + "`",
          "expectedNum", "1", "actualNum", String.valueOf(arguments.size())),
          call.origin().line(), call.origin().startPosition(), "");
    }
    return distinctMatters ? new CountDistinct(arguments.get(0)) : builder.apply(arguments.get(0));
  }
}
