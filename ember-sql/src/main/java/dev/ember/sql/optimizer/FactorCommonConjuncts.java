package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Or;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the conjuncts every branch of a disjunction shares out of it (part of Spark's BooleanSimplification):
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}, and {@code (a AND b) OR a} becomes {@code a}.
 * Both forms are equal in SQL's three-valued logic. It lets a join predicate repeated in every branch of a
 * WHERE clause (TPC-H Q19's {@code p_partkey = l_partkey}) become an equi-join key, and one-sided shared
 * conjuncts be pushed down. Applies to filter and join conditions.
 */
final class FactorCommonConjuncts implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter) && !(node instanceof Join)) {
        return node;
      }
      List<Expression> expressions = node.expressions();
      List<Expression> rewritten = new ArrayList<>();
      boolean changed = false;
      for (Expression e : expressions) {
        Expression next = e.transformUp(FactorCommonConjuncts::factor);
        changed |= next != e;
        rewritten.add(next);
      }
      return changed ? node.withNewExpressions(rewritten) : node;
    });
  }

  private static Expression factor(Expression e) {
    if (!(e instanceof Or)) {
      return e;
    }
    List<List<Expression>> branches = new ArrayList<>();
    for (Expression disjunct : disjuncts(e)) {
      branches.add(Predicates.conjuncts(disjunct));
    }
    List<Expression> common = new ArrayList<>();
    for (Expression candidate : branches.get(0)) {
      if (!common.contains(candidate) && branches.stream().allMatch(b -> b.contains(candidate))) {
        common.add(candidate);
      }
    }
    if (common.isEmpty()) {
      return e;
    }
    Expression rest = null;
    for (List<Expression> branch : branches) {
      List<Expression> remaining = new ArrayList<>(branch);
      remaining.removeAll(common);
      if (remaining.isEmpty()) {
        // One branch is exactly the common part, which then implies the whole disjunction.
        return Predicates.and(common);
      }
      Expression conjunction = Predicates.and(remaining);
      rest = rest == null ? conjunction : new Or(rest, conjunction);
    }
    List<Expression> all = new ArrayList<>(common);
    all.add(rest);
    return Predicates.and(all);
  }

  private static List<Expression> disjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    if (e instanceof Or or) {
      out.addAll(disjuncts(or.left()));
      out.addAll(disjuncts(or.right()));
    } else {
      out.add(e);
    }
    return out;
  }
}
