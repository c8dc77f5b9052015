package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules for correlated scalar subqueries in an aggregate query. In its SELECT list, HAVING and ORDER BY
 * such a subquery is evaluated once per group, so each column of the outer query it reads must be a grouping
 * column (it then reads that column of the group); reading any other column fails with Spark's
 * SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION at the subquery. Spark evaluates a correlated subquery
 * inside an aggregate function's arguments or in GROUP BY once per input row, before the aggregation; Ember
 * does not build that yet and says so with UNSUPPORTED_FEATURE.
 */
final class AggregateSubqueries {

  private AggregateSubqueries() {}

  /** Checks that the correlated {@code subquery} reads only grouping columns of the outer query. */
  static void checkOuterGrouped(ScalarSubquery subquery, List<Expression> grouping) {
    List<AttributeReference> outer = outerColumns(subquery.plan());
    for (AttributeReference a : outer) {
      if (!grouping.contains(a)) {
        List<String> names = new ArrayList<>();
        outer.forEach(o -> names.add(o.name()));
        String sqlExpr = "\"scalarsubquery(" + String.join(", ", names) + ")\"";
        throw new AnalysisException("SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION",
            Map.of("sqlExpr", sqlExpr), subquery.origin().line(), subquery.origin().startPosition(), "");
      }
    }
  }

  /** Checks that no argument of the aggregate function {@code function} holds a correlated subquery. */
  static void checkArguments(Expression function) {
    for (Expression argument : function.children()) {
      if (argument.exists(x -> x instanceof SubqueryExpression s && s.correlated())) {
        throw AnalysisException.unsupported("correlated subqueries in the arguments of the aggregate function "
            + ((AggregateFunction) function).prettyName() + " (evaluated per input row in Spark)");
      }
    }
  }

  /** Checks that the grouping expression {@code g} holds no correlated subquery. */
  static void checkGroupingExpression(Expression g) {
    if (g.exists(x -> x instanceof SubqueryExpression s && s.correlated())) {
      throw AnalysisException.unsupported("correlated scalar subqueries in GROUP BY (evaluated per input row "
          + "in Spark)");
    }
  }

  /** The columns of the enclosing query that {@code plan} reads, in the order they appear. */
  static List<AttributeReference> outerColumns(LogicalPlan plan) {
    List<AttributeReference> columns = new ArrayList<>();
    collect(plan, columns);
    return columns;
  }

  private static void collect(LogicalPlan plan, List<AttributeReference> columns) {
    for (Expression e : plan.expressions()) {
      e.exists(x -> {
        if (x instanceof OuterReference o && !columns.contains(o.attribute())) {
          columns.add(o.attribute());
        }
        return false;
      });
    }
    for (LogicalPlan child : plan.children()) {
      collect(child, columns);
    }
  }
}
