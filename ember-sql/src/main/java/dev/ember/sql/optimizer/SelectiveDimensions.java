package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Or;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds each selective small relation of a join tree into the one relation it is joined to, before
 * {@link ReorderJoin} orders the relations, so that a filtered dimension is joined first instead of wherever
 * the FROM order puts it: {@code FROM supplier, lineitem, orders, nation WHERE ... n_name = 'X'} joins nation
 * to supplier, and that 1/25 of the suppliers to lineitem, before orders. A relation is <em>selective</em> when
 * it is a filtered scan with a predicate that likely keeps few rows (a comparison or IN with constants, LIKE,
 * a disjunction of those; not IS NOT NULL or a comparison of two columns), the predicate being its own or one
 * a condition over several relations implies over it (Q7's nation pairs); <em>small</em> when its estimated
 * size is at most the broadcast threshold. It is folded only when the equalities among the conditions
 * connect it to exactly one other relation, so the folded join is never a cartesian product; the folded pair,
 * a plain inner join holding every condition over the two, is itself selective and may fold again (region
 * into nation into supplier), taking the size of the relation it was folded into.
 */
final class SelectiveDimensions {

  private SelectiveDimensions() {}

  /**
   * {@code relations} with the selective small ones folded into their one neighbour, in the neighbour's
   * place; the conditions the folded joins take are removed from {@code conditions}.
   */
  static List<LogicalPlan> fold(List<LogicalPlan> relations, List<Expression> conditions, long smallBytes) {
    List<LogicalPlan> items = new ArrayList<>(relations);
    List<Long> sizes = new ArrayList<>();
    List<Boolean> selective = new ArrayList<>();
    for (LogicalPlan relation : items) {
      sizes.add(Statistics.sizeInBytes(relation));
      selective.add(isSelectiveScan(relation, conditions));
    }
    boolean folded = true;
    while (folded && items.size() > 2) {
      folded = false;
      for (int d = 0; d < items.size() && !folded; d++) {
        if (!selective.get(d) || sizes.get(d) > smallBytes) {
          continue;
        }
        int r = onlyNeighbour(d, items, conditions);
        if (r < 0) {
          continue;
        }
        Set<AttributeReference> visible = new HashSet<>(items.get(r).output());
        visible.addAll(items.get(d).output());
        List<Expression> taken = new ArrayList<>();
        for (Expression c : conditions) {
          if (!c.references().isEmpty() && Predicates.coveredBy(c, visible)) {
            taken.add(c);
          }
        }
        conditions.removeAll(taken);
        items.set(r, new Join(items.get(r), items.get(d), JoinType.INNER, Predicates.and(taken)));
        selective.set(r, true);
        items.remove(d);
        sizes.remove(d);
        selective.remove(d);
        folded = true;
      }
    }
    return items;
  }

  /** The index of the one relation the equalities connect to {@code items[d]}, or -1 for none or several. */
  private static int onlyNeighbour(int d, List<LogicalPlan> items, List<Expression> conditions) {
    LogicalPlan dimension = items.get(d);
    int found = -1;
    for (int j = 0; j < items.size(); j++) {
      if (j != d && connected(dimension, items.get(j), conditions)) {
        if (found >= 0) {
          return -1;
        }
        found = j;
      }
    }
    return found;
  }

  private static boolean connected(LogicalPlan a, LogicalPlan b, List<Expression> conditions) {
    for (Expression c : conditions) {
      if (c instanceof BinaryComparison cmp && (cmp.operator() == ComparisonOperator.EQUAL
          || cmp.operator() == ComparisonOperator.NULL_SAFE_EQUAL)
          && !cmp.left().references().isEmpty() && !cmp.right().references().isEmpty()
          && (Predicates.coveredBy(cmp.left(), a) && Predicates.coveredBy(cmp.right(), b)
              || Predicates.coveredBy(cmp.left(), b) && Predicates.coveredBy(cmp.right(), a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code relation} is a scan under filters and projections of which a filter, or a predicate one of
   * {@code conditions} implies over it, is likely selective.
   */
  static boolean isSelectiveScan(LogicalPlan relation, List<Expression> conditions) {
    List<Expression> predicates = new ArrayList<>();
    LogicalPlan plan = relation;
    while (plan instanceof Filter || plan instanceof Project) {
      if (plan instanceof Filter filter) {
        predicates.addAll(Predicates.conjuncts(filter.condition()));
      }
      plan = plan.children().get(0);
    }
    if (!(plan instanceof LeafNode)) {
      return false;
    }
    for (Expression c : conditions) {
      if (!Predicates.coveredBy(c, relation)) {
        Expression implied = PushExtraPredicateThroughJoin.implied(c, relation);
        if (implied != null) {
          predicates.add(implied);
        }
      }
    }
    return predicates.stream().anyMatch(SelectiveDimensions::isSelective);
  }

  /** Whether {@code e} likely keeps few rows: it compares a column with constants (not by inequality). */
  static boolean isSelective(Expression e) {
    if (e instanceof And and) {
      return isSelective(and.left()) || isSelective(and.right());
    }
    if (e instanceof Or or) {
      return isSelective(or.left()) && isSelective(or.right());
    }
    if (e instanceof BinaryComparison cmp) {
      return cmp.operator() != ComparisonOperator.NOT_EQUAL
          && (columnAgainstConstant(cmp.left(), cmp.right()) || columnAgainstConstant(cmp.right(), cmp.left()));
    }
    if (e instanceof In in) {
      return !in.value().references().isEmpty() && in.list().stream().allMatch(Expression::foldable);
    }
    if (e instanceof Like like) {
      return !like.left().references().isEmpty() && like.pattern().foldable();
    }
    return false;
  }

  private static boolean columnAgainstConstant(Expression column, Expression constant) {
    return !column.references().isEmpty() && constant.references().isEmpty() && constant.foldable();
  }
}
