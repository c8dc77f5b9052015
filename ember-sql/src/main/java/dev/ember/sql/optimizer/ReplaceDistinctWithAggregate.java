package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/** {@code SELECT DISTINCT x} is {@code GROUP BY x}: one aggregation operator serves both. */
final class ReplaceDistinctWithAggregate implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Distinct distinct) {
        List<Expression> columns = new ArrayList<>(distinct.child().output());
        return new Aggregate(columns, columns, distinct.child());
      }
      return node;
    });
  }
}
