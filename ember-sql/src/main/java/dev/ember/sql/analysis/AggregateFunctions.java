package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.ApproxCountDistinct;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.CentralMomentAggregate;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.FirstLast;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statistical aggregates beyond count/sum/avg/min/max: variance and standard deviation, first and
 * last (with ignoreNulls), and approx_count_distinct. Returns null for other names.
 */
final class AggregateFunctions {

  private static final Set<String> MOMENTS = Set.of("stddev", "std", "stddev_samp", "stddev_pop", "variance",
      "var_samp", "var_pop");

  /** The names this class resolves. */
  static final Set<String> NAMES;

  static {
    Set<String> names = new java.util.TreeSet<>(MOMENTS);
    names.addAll(List.of("first", "last", "first_value", "last_value", "approx_count_distinct"));
    NAMES = java.util.Collections.unmodifiableSet(names);
  }

  private AggregateFunctions() {}

  static Expression lookup(UnresolvedFunction call) {
    String name = call.name().toLowerCase(Locale.ROOT);
    if (!MOMENTS.contains(name) && !name.equals("first") && !name.equals("last")
        && !name.equals("first_value") && !name.equals("last_value") && !name.equals("approx_count_distinct")) {
      return null;
    }
    if (call.distinct()) {
      throw AnalysisException.unsupported("DISTINCT in the aggregate function " + name);
    }
    FunctionArguments a = new FunctionArguments(call);
    if (MOMENTS.contains(name)) {
      String canonical = switch (name) {
        case "std" -> "stddev";
        default -> name;
      };
      return new CentralMomentAggregate(canonical, new Cast(a.count(1, 1).numeric(0), DataTypes.DoubleType));
    }
    if (name.equals("approx_count_distinct")) {
      a.count(1, 2);
      double rsd = 0.05;
      if (a.size() > 1) {
        if (!(a.raw(1) instanceof Literal literal) || !(literal.value() instanceof Number number)) {
          throw a.wrongType(1, "DOUBLE literal");
        }
        rsd = number.doubleValue();
      }
      return new ApproxCountDistinct(a.raw(0), rsd);
    }
    a.count(1, 2);
    boolean ignoreNulls = false;
    if (a.size() > 1) {
      if (!(a.raw(1) instanceof Literal literal) || !(literal.value() instanceof Boolean b)) {
        throw a.wrongType(1, "BOOLEAN literal");
      }
      ignoreNulls = b;
    }
    return new FirstLast(a.raw(0), ignoreNulls, name.startsWith("last"));
  }
}
