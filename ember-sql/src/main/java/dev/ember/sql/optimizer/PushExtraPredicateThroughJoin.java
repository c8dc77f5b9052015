package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Or;

/**
 * Derives from a join condition that reads both inputs a predicate over one input that the condition implies,
 * and filters that input with it (Spark's PushExtraPredicateThroughJoin). For TPC-H Q7's
 * {@code (n1.name = 'FRANCE' AND n2.name = 'GERMANY') OR (n1.name = 'GERMANY' AND n2.name = 'FRANCE')} the
 * first nation is filtered by {@code n1.name = 'FRANCE' OR n1.name = 'GERMANY'} before it is joined, and the
 * second likewise, where only the whole condition could be tested before, after the joins. The condition
 * stays on the join. An input is filtered only where dropping its rows that fail the condition keeps every
 * row the join must emit: both inputs of inner and semi joins, the right of left outer and anti joins, the
 * left of right outer joins.
 *
 * <p>Each derived predicate would be derived again from the unchanged condition, so the rule runs once,
 * after the fixpoint rules, which then run again to push the new filters down (see {@link Optimizer}).
 */
final class PushExtraPredicateThroughJoin implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Join join && join.condition() != null ? push(join) : node);
  }

  private static LogicalPlan push(Join join) {
    JoinType type = join.joinType();
    boolean inner = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_SEMI;
    boolean toLeft = inner || type == JoinType.RIGHT_OUTER;
    boolean toRight = inner || type == JoinType.LEFT_OUTER || type.leftOnly();
    Expression condition = join.condition();
    if (Predicates.hasSubquery(condition)
        || Predicates.coveredBy(condition, join.left()) || Predicates.coveredBy(condition, join.right())) {
      return join;
    }
    Expression left = toLeft ? implied(condition, join.left()) : null;
    Expression right = toRight ? implied(condition, join.right()) : null;
    if (left == null && right == null) {
      return join;
    }
    return new Join(filtered(join.left(), left), filtered(join.right(), right), type, condition,
        join.hint());
  }

  /**
   * The weakest predicate over {@code input}'s columns that {@code e} implies and that this derivation can
   * see, or null when there is none or it is a conjunct of {@code e} itself (which PushPredicateThroughJoin
   * pushes already): the parts of a conjunction over the input, and a disjunction when every branch has one.
   */
  static Expression implied(Expression e, LogicalPlan input) {
    Expression derived = derive(e, input);
    if (derived == null || Predicates.conjuncts(e).containsAll(Predicates.conjuncts(derived))) {
      return null;
    }
    return derived;
  }

  private static Expression derive(Expression e, LogicalPlan input) {
    if (e instanceof And and) {
      Expression l = derive(and.left(), input);
      Expression r = derive(and.right(), input);
      return l == null ? r : r == null ? l : new And(l, r);
    }
    if (e instanceof Or or) {
      Expression l = derive(or.left(), input);
      Expression r = l == null ? null : derive(or.right(), input);
      return l == null || r == null ? null : new Or(l, r);
    }
    return !e.references().isEmpty() && Predicates.coveredBy(e, input) ? e : null;
  }

  private static LogicalPlan filtered(LogicalPlan plan, Expression predicate) {
    return predicate == null ? plan : new Filter(predicate, plan);
  }
}
