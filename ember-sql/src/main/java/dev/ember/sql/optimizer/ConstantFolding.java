package dev.ember.sql.optimizer;

import dev.ember.sql.execution.expressions.ConstantEvaluator;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.SortOrder;

/**
 * Replaces every foldable expression (one needing no input row, like {@code 1 + 2}) by its value, computed
 * once with the same vectorized evaluator that runs queries.
 */
final class ConstantFolding implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformAllExpressions(ConstantFolding::fold);
  }

  private static Expression fold(Expression e) {
    if (e instanceof Literal || e instanceof Alias || e instanceof SortOrder || !e.foldable()) {
      return e;
    }
    return ConstantEvaluator.evaluate(e);
  }
}
