package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Exists;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.InSubquery;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the EXISTS and IN subqueries of a WHERE clause's top-level conjunction into joins (Spark's
 * RewritePredicateSubquery): {@code EXISTS} into a left semi join, {@code NOT EXISTS} into a left anti join,
 * {@code x IN (q)} into a left semi join on {@code x = q.col}, and {@code x NOT IN (q)} into a left anti join
 * on {@code x = q.col OR (x = q.col) IS NULL}, which is what makes NOT IN false-or-NULL whenever the
 * subquery returns a NULL (or x is NULL and the subquery returns any row). Correlated predicates join the
 * condition. Subqueries nested in the subquery are rewritten first. Subqueries anywhere else (under OR, in a
 * SELECT list) are left to {@link RewriteSubqueryAsMarkJoin}.
 */
final class RewritePredicateSubquery implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    // The subqueries left (under OR or NOT, in SELECT lists) are RewriteSubqueryAsMarkJoin's.
    return plan.transformUp(node -> {
      if (node instanceof Filter filter && filter.condition().exists(RewritePredicateSubquery::isPredicate)) {
        return rewrite(filter);
      }
      return node;
    });
  }

  private static boolean isPredicate(Expression e) {
    return e instanceof Exists || e instanceof InSubquery;
  }

  private LogicalPlan rewrite(Filter filter) {
    List<Expression> plain = new ArrayList<>();
    List<Expression> subqueries = new ArrayList<>();
    for (Expression c : Predicates.conjuncts(filter.condition())) {
      Expression inner = c instanceof Not not ? not.child() : c;
      (isPredicate(inner) ? subqueries : plain).add(c);
    }
    LogicalPlan result = plain.isEmpty() ? filter.child() : new Filter(Predicates.and(plain), filter.child());
    for (Expression c : subqueries) {
      boolean negated = c instanceof Not;
      SubqueryExpression subquery = (SubqueryExpression) (negated ? ((Not) c).child() : c);
      CorrelatedPredicates pulled = CorrelatedPredicates.pullOut(apply(subquery.plan()));
      List<Expression> condition = new ArrayList<>();
      if (subquery instanceof InSubquery in) {
        Expression equal = new BinaryComparison(ComparisonOperator.EQUAL, in.value(),
            pulled.plan().output().get(0));
        condition.add(negated ? new Or(equal, new IsNull(equal)) : equal);
      }
      condition.addAll(pulled.predicates());
      JoinType type = negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI;
      result = new Join(result, pulled.plan(), type, Predicates.and(condition));
    }
    return result;
  }
}
