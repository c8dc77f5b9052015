package dev.ember.sql;

import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the uncorrelated scalar subqueries left in an optimized plan, once each, before the plan is turned
 * into physical operators, and puts their values in as literals: NULL for no row, SCALAR_SUBQUERY_TOO_MANY_ROWS
 * for more than one. Correlated ones were rewritten into joins by the optimizer; any left is unsupported.
 */
final class ScalarSubqueryExecution {

  private ScalarSubqueryExecution() {}

  static LogicalPlan inline(LogicalPlan plan, EmberSession session) {
    return plan.transformAllExpressions(e -> {
      if (!(e instanceof ScalarSubquery subquery)) {
        return e;
      }
      if (subquery.correlated()) {
        throw AnalysisException.unsupported("this correlated scalar subquery (only aggregates over equality "
            + "correlations in WHERE are decorrelated)");
      }
      return new Literal(value(subquery, session), subquery.dataType());
    });
  }

  private static Object value(ScalarSubquery subquery, EmberSession session) {
    LogicalPlan optimized = inline(session.optimizer().optimize(subquery.plan()), session);
    ExecutionContext context = new ExecutionContext(session.emberContext(), session.shufflePartitions());
    List<Object[]> rows = new ArrayList<>();
    for (ColumnarBatch batch : session.planner().plan(optimized).execute(context).collect()) {
      rows.addAll(batch.rows());
      if (rows.size() > 1) {
        throw new AnalysisException("SCALAR_SUBQUERY_TOO_MANY_ROWS", Map.of());
      }
    }
    return rows.isEmpty() ? null : rows.get(0)[0];
  }

}
