package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark's rule for GROUP BY in a correlated scalar subquery: every grouping expression must be an inner column
 * that an equality correlation binds to the outer row, so the subquery yields at most one row per outer row.
 * Otherwise UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY.
 */
final class CorrelatedGroupBy {

  private CorrelatedGroupBy() {}

  /** Fails unless each of {@code groupBy} is one of {@code correlatedColumns}. */
  static void check(List<Expression> groupBy, List<Expression> correlatedColumns) {
    List<String> uncorrelated = new ArrayList<>();
    for (Expression e : groupBy) {
      if (!correlatedColumns.contains(e)) {
        uncorrelated.add(e.sql());
      }
    }
    if (!uncorrelated.isEmpty()) {
      throw new AnalysisException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY",
          Map.of("value", String.join(",", uncorrelated)));
    }
  }
}
