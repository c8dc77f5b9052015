package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces {@code a EXCEPT b} by the distinct rows of a left anti join of a and b on null-safe equality of
 * every column (Spark's ReplaceExceptWithAntiJoin): set operations treat NULLs as equal, as DISTINCT does.
 */
final class ReplaceExceptWithJoin implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof SetOperation op && op.kind() == SetOperation.Kind.EXCEPT && !op.all()) {
        List<Expression> equal = new ArrayList<>();
        for (int i = 0; i < op.left().output().size(); i++) {
          equal.add(new BinaryComparison(ComparisonOperator.NULL_SAFE_EQUAL, op.left().output().get(i),
              op.right().output().get(i)));
        }
        return new Distinct(new Join(op.left(), op.right(), JoinType.LEFT_ANTI, Predicates.and(equal)));
      }
      return node;
    });
  }
}
