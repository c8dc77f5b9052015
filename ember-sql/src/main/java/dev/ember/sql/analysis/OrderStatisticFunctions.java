package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.OrderStatistic;
import dev.ember.sql.plan.expressions.UnaryMinus;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves {@code percentile(x, p)}, {@code median(x)}, {@code percentile_approx(x, p[, accuracy])} (and its
 * alias {@code approx_percentile}) and {@code mode(x[, deterministic])} to {@link OrderStatistic}, checking
 * Spark's argument rules: p a constant in [0, 1], accuracy a positive constant. An array of percentages
 * is not supported yet. Returns null for other names.
 */
final class OrderStatisticFunctions {

  /** The names this class resolves. */
  static final java.util.Set<String> NAMES = java.util.Set.of("percentile", "median", "percentile_approx",
      "approx_percentile", "mode");

  /** Spark's ApproximatePercentile.DEFAULT_PERCENTILE_ACCURACY. */
  static final int DEFAULT_ACCURACY = 10000;

  private OrderStatisticFunctions() {}

  static Expression lookup(UnresolvedFunction call) {
    String name = call.name().toLowerCase(Locale.ROOT);
    OrderStatistic.Kind kind = switch (name) {
      case "percentile" -> OrderStatistic.Kind.PERCENTILE;
      case "median" -> OrderStatistic.Kind.MEDIAN;
      case "percentile_approx", "approx_percentile" -> OrderStatistic.Kind.PERCENTILE_APPROX;
      case "mode" -> OrderStatistic.Kind.MODE;
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    if (call.distinct()) {
      throw AnalysisException.unsupported("DISTINCT in the aggregate function " + name);
    }
    FunctionArguments a = new FunctionArguments(call);
    return switch (kind) {
      case MEDIAN -> new OrderStatistic(kind, new Cast(a.count(1, 1).numeric(0), DataTypes.DoubleType), 0.5, 0);
      case PERCENTILE -> new OrderStatistic(kind, new Cast(a.count(2, 2).numeric(0), DataTypes.DoubleType),
          percentage(call, a), 0);
      case PERCENTILE_APPROX -> approximate(call, a.count(2, 3));
      case MODE -> mode(a.count(1, 2));
    };
  }

  private static Expression approximate(UnresolvedFunction call, FunctionArguments a) {
    DataType type = a.raw(0).dataType();
    boolean dateTime = type == DataTypes.DateType || type == DataTypes.TimestampType
        || type == DataTypes.TimestampNTZType;
    Expression input = dateTime ? a.raw(0) : numericOrFail(a);
    double p = percentage(call, a);
    int accuracy = a.constantInt(2, DEFAULT_ACCURACY);
    if (accuracy <= 0) {
      throw outOfRange(call, "accuracy", "[1, 2147483647]", String.valueOf(accuracy));
    }
    return new OrderStatistic(OrderStatistic.Kind.PERCENTILE_APPROX, input, p, accuracy);
  }

  private static Expression numericOrFail(FunctionArguments a) {
    DataType type = a.raw(0).dataType();
    if (type.isNumeric()) {
      return a.raw(0);
    }
    if (type == DataTypes.StringType || type == DataTypes.NullType) {
      return new Cast(a.raw(0), DataTypes.DoubleType);
    }
    throw a.wrongType(0, "(NUMERIC or DATE or TIMESTAMP or TIMESTAMP_NTZ)");
  }

  private static Expression mode(FunctionArguments a) {
    if (a.size() > 1 && !(a.raw(1) instanceof Literal literal && literal.value() instanceof Boolean)) {
      throw a.wrongType(1, "BOOLEAN literal");
    }
    return new OrderStatistic(OrderStatistic.Kind.MODE, a.raw(0), 0, 0);
  }

  /** The constant percentage, second argument, in [0, 1]. */
  private static double percentage(UnresolvedFunction call, FunctionArguments a) {
    Expression e = a.raw(1);
    if (e.dataType().sql().toUpperCase(Locale.ROOT).startsWith("ARRAY")) {
      throw AnalysisException.unsupported("an array of percentages in " + call.name().toLowerCase(Locale.ROOT)
          + " (pass one percentage per call)");
    }
    Double p = constant(e);
    if (p == null) {
      if (e.dataType().isNumeric()) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sqlExpr", "\"" + call.sql() + "\"");
        parameters.put("inputName", "`percentage`");
        parameters.put("inputType", "\"DOUBLE\"");
        parameters.put("inputExpr", "\"" + e.sql() + "\"");
        throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", parameters, call.origin().line(),
            call.origin().startPosition(), "");
      }
      throw a.wrongType(1, "DOUBLE");
    }
    if (p < 0 || p > 1) {
      throw outOfRange(call, "percentage", "[0.0, 1.0]", String.valueOf(p));
    }
    return p;
  }

  private static Double constant(Expression e) {
    if (e instanceof Literal literal && literal.value() instanceof Number n) {
      return n.doubleValue();
    }
    if (e instanceof UnaryMinus minus) {
      Double d = constant(minus.child());
      return d == null ? null : -d;
    }
    if (e instanceof Cast cast && cast.dataType().isNumeric()) {
      return constant(cast.child());
    }
    return null;
  }

  private static AnalysisException outOfRange(UnresolvedFunction call, String what, String range, String value) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("sqlExpr", "\"" + call.sql() + "\"");
    parameters.put("exprName", what);
    parameters.put("valueRange", range);
    parameters.put("currentValue", value);
    return new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", parameters, call.origin().line(),
        call.origin().startPosition(), "");
  }
}
