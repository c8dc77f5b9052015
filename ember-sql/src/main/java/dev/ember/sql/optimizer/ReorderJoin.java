package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders a tree of inner joins under a filter (what {@code FROM a, b, c WHERE ...} becomes) so that no
 * cartesian product is formed while an equi-join predicate could connect the next relation (Spark's
 * ReorderJoin): starting from the first relation, it repeatedly joins the first remaining relation that has
 * an equality with the relations joined so far, and takes the next one in FROM order, as a cross join, only
 * when none has. Each conjunct becomes the condition of the lowest join that sees all its columns, or a
 * filter on the one relation it reads; a projection restores the original column order. Before ordering, each
 * selective small relation joined to just one other is folded into it ({@link SelectiveDimensions}), so a
 * filtered dimension is joined first, not where the FROM order puts it.
 */
final class ReorderJoin implements Rule {

  /** Spark's default {@code spark.sql.autoBroadcastJoinThreshold}, the size under which a relation is small. */
  static final long DEFAULT_SMALL_BYTES = 10L * 1024 * 1024;

  private final long smallBytes;

  ReorderJoin() {
    this(DEFAULT_SMALL_BYTES);
  }

  /** A rule folding relations of at most {@code smallBytes} estimated bytes; negative folds none. */
  ReorderJoin(long smallBytes) {
    this.smallBytes = smallBytes;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter filter) || !isInnerJoin(filter.child())) {
        return node;
      }
      List<LogicalPlan> relations = new ArrayList<>();
      List<Expression> conditions = new ArrayList<>();
      flatten(filter, relations, conditions);
      if (relations.size() < 2 || conditions.stream().anyMatch(Predicates::hasSubquery)) {
        return node;
      }
      LogicalPlan reordered = reorder(relations, conditions, smallBytes);
      List<AttributeReference> output = node.output();
      return reordered.output().equals(output) ? reordered : new Project(new ArrayList<>(output), reordered);
    });
  }

  private static boolean isInnerJoin(LogicalPlan plan) {
    return plan instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS)
        && join.hint().isEmpty();
  }

  private static void flatten(LogicalPlan plan, List<LogicalPlan> relations, List<Expression> conditions) {
    if (plan instanceof Filter filter && isInnerJoin(filter.child())) {
      flatten(filter.child(), relations, conditions);
      conditions.addAll(Predicates.conjuncts(filter.condition()));
    } else if (isInnerJoin(plan)) {
      Join join = (Join) plan;
      flatten(join.left(), relations, conditions);
      flatten(join.right(), relations, conditions);
      conditions.addAll(Predicates.conjuncts(join.condition()));
    } else {
      relations.add(plan);
    }
  }

  private static LogicalPlan reorder(List<LogicalPlan> relations, List<Expression> allConditions,
      long smallBytes) {
    List<Expression> conditions = new ArrayList<>(allConditions);
    List<LogicalPlan> remaining = new ArrayList<>();
    for (LogicalPlan relation : relations) {
      List<Expression> own = new ArrayList<>();
      for (Expression c : conditions) {
        if (Predicates.coveredBy(c, relation)) {
          own.add(c);
        }
      }
      conditions.removeAll(own);
      remaining.add(own.isEmpty() ? relation : new Filter(Predicates.and(own), relation));
    }
    List<Expression> constant = conditions.stream().filter(c -> c.references().isEmpty()).toList();
    conditions.removeAll(constant);
    if (smallBytes >= 0) {
      remaining = new ArrayList<>(SelectiveDimensions.fold(remaining, conditions, smallBytes));
    }
    LogicalPlan joined = remaining.remove(0);
    if (!constant.isEmpty()) {
      joined = new Filter(Predicates.and(constant), joined);
    }
    while (!remaining.isEmpty()) {
      int next = 0;
      for (int i = 0; i < remaining.size(); i++) {
        if (connects(joined, remaining.get(i), conditions)) {
          next = i;
          break;
        }
      }
      LogicalPlan right = remaining.remove(next);
      Set<AttributeReference> visible = new HashSet<>(joined.output());
      visible.addAll(right.output());
      List<Expression> applicable = new ArrayList<>();
      for (Expression c : conditions) {
        if (Predicates.coveredBy(c, visible)) {
          applicable.add(c);
        }
      }
      conditions.removeAll(applicable);
      joined = new Join(joined, right, applicable.isEmpty() ? JoinType.CROSS : JoinType.INNER,
          Predicates.and(applicable));
    }
    return conditions.isEmpty() ? joined : new Filter(Predicates.and(conditions), joined);
  }

  /** Whether an equality among {@code conditions} reads columns of both {@code joined} and {@code candidate}. */
  private static boolean connects(LogicalPlan joined, LogicalPlan candidate, List<Expression> conditions) {
    for (Expression c : conditions) {
      if (c instanceof BinaryComparison b && b.operator() == ComparisonOperator.EQUAL) {
        boolean leftJoined = Predicates.coveredBy(b.left(), joined);
        boolean rightJoined = Predicates.coveredBy(b.right(), joined);
        if ((leftJoined && Predicates.coveredBy(b.right(), candidate))
            || (rightJoined && Predicates.coveredBy(b.left(), candidate))) {
          return true;
        }
      }
    }
    return false;
  }
}
