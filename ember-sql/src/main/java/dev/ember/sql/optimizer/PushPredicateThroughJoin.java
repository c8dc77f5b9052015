package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes predicates towards the rows they test (Spark's PushPredicateThroughJoin). A filter's conjuncts
 * over one input of a join move below the join, into that input, where the join type allows: into the left
 * of inner, cross, left outer, semi and anti joins, into the right of inner, cross and right outer joins
 * (filtering the NULL-padded side of an outer join before the join would change its result). Other
 * conjuncts of a filter over an inner join become join conditions. A join condition's conjuncts over one
 * input move into it where that keeps every row the join must still emit: both inputs of inner joins, the
 * right of left outer and semi joins, the right of anti joins, the left of right outer joins.
 */
final class PushPredicateThroughJoin implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter filter && filter.child() instanceof Join join) {
        return pushFilter(filter, join);
      }
      if (node instanceof Join join && join.condition() != null) {
        return pushCondition(join);
      }
      return node;
    });
  }

  private static LogicalPlan pushFilter(Filter filter, Join join) {
    JoinType type = join.joinType();
    boolean inner = type == JoinType.INNER || type == JoinType.CROSS;
    boolean toLeft = inner || type == JoinType.LEFT_OUTER || type.leftOnly();
    boolean toRight = inner || type == JoinType.RIGHT_OUTER;
    List<Expression> left = new ArrayList<>();
    List<Expression> right = new ArrayList<>();
    List<Expression> joinConditions = new ArrayList<>(Predicates.conjuncts(join.condition()));
    List<Expression> kept = new ArrayList<>();
    for (Expression c : Predicates.conjuncts(filter.condition())) {
      if (Predicates.hasSubquery(c)) {
        kept.add(c);
      } else if (toLeft && Predicates.coveredBy(c, join.left())) {
        left.add(c);
      } else if (toRight && Predicates.coveredBy(c, join.right())) {
        right.add(c);
      } else if (inner && !c.references().isEmpty()) {
        joinConditions.add(c);
      } else {
        kept.add(c);
      }
    }
    if (kept.size() == Predicates.conjuncts(filter.condition()).size()) {
      return filter;
    }
    JoinType newType = type == JoinType.CROSS && !joinConditions.isEmpty() ? JoinType.INNER : type;
    LogicalPlan newJoin = new Join(filtered(join.left(), left), filtered(join.right(), right), newType,
        Predicates.and(joinConditions), join.hint());
    return kept.isEmpty() ? newJoin : new Filter(Predicates.and(kept), newJoin);
  }

  private static LogicalPlan pushCondition(Join join) {
    JoinType type = join.joinType();
    boolean inner = type == JoinType.INNER || type == JoinType.CROSS;
    boolean toLeft = inner || type == JoinType.RIGHT_OUTER || type == JoinType.LEFT_SEMI;
    boolean toRight = inner || type == JoinType.LEFT_OUTER || type.leftOnly();
    List<Expression> left = new ArrayList<>();
    List<Expression> right = new ArrayList<>();
    List<Expression> kept = new ArrayList<>();
    for (Expression c : Predicates.conjuncts(join.condition())) {
      if (Predicates.hasSubquery(c)) {
        kept.add(c);
      } else if (toLeft && Predicates.coveredBy(c, join.left())) {
        left.add(c);
      } else if (toRight && Predicates.coveredBy(c, join.right())) {
        right.add(c);
      } else {
        kept.add(c);
      }
    }
    if (left.isEmpty() && right.isEmpty()) {
      return join;
    }
    return new Join(filtered(join.left(), left), filtered(join.right(), right), type, Predicates.and(kept),
        join.hint());
  }

  private static LogicalPlan filtered(LogicalPlan plan, List<Expression> conjuncts) {
    return conjuncts.isEmpty() ? plan : new Filter(Predicates.and(conjuncts), plan);
  }
}
