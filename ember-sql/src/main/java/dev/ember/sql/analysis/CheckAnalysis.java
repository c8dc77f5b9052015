package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.optimizer.RewriteDistinctAggregates;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks of a resolved plan that resolution itself does not make: types of filters, limits, aggregates. */
final class CheckAnalysis {

  private CheckAnalysis() {}

  static void check(LogicalPlan plan) {
    for (LogicalPlan child : plan.children()) {
      check(child);
    }
    WindowChecks.check(plan);
    Generators.checkOutsideSelect(plan);
    NestedTypeChecks.check(plan);
    if (plan instanceof Filter filter) {
      checkFilter(filter.condition());
    }
    if (plan instanceof Limit limit) {
      checkLimit(limit.limit());
    }
    if (plan instanceof dev.ember.sql.plan.Offset offset) {
      checkLimit(offset.offset());
    }
    if (plan instanceof Aggregate aggregate) {
      for (Expression e : aggregate.aggregates()) {
        checkNoNestedAggregate(e, false);
      }
      checkDistinctAggregates(aggregate);
    } else {
      for (Expression e : plan.expressions()) {
        if (ExpressionResolver.containsAggregate(e)) {
          throw AnalysisException.unsupported("aggregate functions outside SELECT, HAVING and ORDER BY of an "
              + "aggregation (" + e.sql() + ")");
        }
      }
    }
  }

  private static void checkFilter(Expression condition) {
    if (condition.dataType() != DataTypes.BooleanType && condition.dataType() != DataTypes.NullType) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("sqlExpr", "\"" + condition.sql() + "\"");
      parameters.put("filter", "\"" + condition.sql() + "\"");
      parameters.put("type", "\"" + condition.dataType().sql() + "\"");
      throw new AnalysisException("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", parameters);
    }
  }

  private static void checkLimit(Expression limit) {
    if (!limit.foldable() || (limit.dataType() != DataTypes.IntegerType)) {
      throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE", Map.of("expr",
          "\"" + limit.sql() + "\""));
    }
    if (limit instanceof dev.ember.sql.plan.expressions.Literal literal && literal.value() instanceof Integer n
        && n < 0) {
      throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", Map.of("expr",
          "\"" + limit.sql() + "\"", "value", String.valueOf(n)));
    }
  }

  /** The shapes of count(DISTINCT x) the optimizer can rewrite (see RewriteDistinctAggregates). */
  private static void checkDistinctAggregates(Aggregate aggregate) {
    RewriteDistinctAggregates.check(aggregate);
  }

  private static void checkNoNestedAggregate(Expression e, boolean insideAggregate) {
    if (e instanceof AggregateFunction) {
      if (insideAggregate) {
        throw new AnalysisException("NESTED_AGGREGATE_FUNCTION", Map.of());
      }
      insideAggregate = true;
    }
    for (Expression child : e.children()) {
      checkNoNestedAggregate(child, insideAggregate);
    }
  }

}
