package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes a left semi or left anti join below the join that produces its left input, into the input its
 * condition reads (Spark's PushLeftSemiLeftAntiThroughJoin): {@code (a JOIN b) SEMI JOIN s ON a.x = s.y}
 * becomes {@code (a SEMI JOIN s ON a.x = s.y) JOIN b}. An IN or EXISTS subquery then filters the relation it
 * tests before that relation is joined to the rest, not the join's larger result after (TPC-H q18 keeps 57
 * orders of 1.5 million before joining them with lineitem, instead of probing six million joined rows).
 *
 * <p>It moves into the left input of inner, cross and left outer joins when every conjunct that reads the
 * join's columns reads only that input (besides the semi join's right side), and into the right input of
 * inner, cross and right outer joins likewise; with no such conjunct (no condition, or one over the
 * subquery's columns alone) it moves into the input whose rows the join keeps. A row of the joined input is
 * then kept or dropped by columns of that one input, so filtering the input first keeps the same rows; the
 * NULL-padded side of an outer join is never filtered. The output and its column order are unchanged.
 */
final class PushLeftSemiLeftAntiThroughJoin implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(PushLeftSemiLeftAntiThroughJoin::push);
  }

  /** {@code node} with its semi or anti join pushed as far down through joins as it goes, or itself. */
  private static LogicalPlan push(LogicalPlan node) {
    if (!(node instanceof Join semi && semi.joinType().leftOnly() && semi.left() instanceof Join child)) {
      return node;
    }
    if (semi.condition() != null && Predicates.hasSubquery(semi.condition()) || semi.hint().left() != null) {
      // A hint on the semi join's left input names the whole inner join: it has no place once pushed.
      return node;
    }
    JoinType type = child.joinType();
    boolean inner = type == JoinType.INNER || type == JoinType.CROSS;
    if (intoLeft(semi, child) && (inner || type == JoinType.LEFT_OUTER)) {
      LogicalPlan left = push(new Join(child.left(), semi.right(), semi.joinType(), semi.condition(),
          semi.hint()));
      return new Join(left, child.right(), type, child.condition(), child.hint());
    }
    if (intoRight(semi, child) && (inner || type == JoinType.RIGHT_OUTER)) {
      LogicalPlan right = push(new Join(child.right(), semi.right(), semi.joinType(), semi.condition(),
          semi.hint()));
      return new Join(child.left(), right, type, child.condition(), child.hint());
    }
    return node;
  }

  private static boolean intoLeft(Join semi, Join child) {
    List<Expression> outer = outerConjuncts(semi);
    return outer.isEmpty() ? child.joinType() != JoinType.RIGHT_OUTER
        : outer.stream().allMatch(c -> Predicates.coveredBy(c, columns(child.left(), semi.right())));
  }

  private static boolean intoRight(Join semi, Join child) {
    List<Expression> outer = outerConjuncts(semi);
    return outer.isEmpty() ? child.joinType() == JoinType.RIGHT_OUTER
        : outer.stream().allMatch(c -> Predicates.coveredBy(c, columns(child.right(), semi.right())));
  }

  /**
   * The conjuncts of the semi join's condition that read its left input. The others read only the subquery
   * side (or nothing) and go wherever the join goes; Spark counts them as the left input's, which keeps a
   * join whose condition also filters the subquery from moving right.
   */
  private static List<Expression> outerConjuncts(Join semi) {
    List<AttributeReference> inner = semi.right().output();
    return Predicates.conjuncts(semi.condition()).stream().filter(c -> !Predicates.coveredBy(c, inner)).toList();
  }

  private static Set<AttributeReference> columns(LogicalPlan input, LogicalPlan semiRight) {
    Set<AttributeReference> columns = new HashSet<>(input.output());
    columns.addAll(semiRight.output());
    return columns;
  }
}
