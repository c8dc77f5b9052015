package dev.ember.sql.plan.stats;

import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Join cardinality as Spark's {@code JoinEstimation} computes it: an inner equi-join of L and R rows produces
 * {@code L * R / max(ndv(left key), ndv(right key))}, the smallest such value over its key pairs (the most
 * selective key); without a key whose statistics are known, the product. Outer joins keep at least the rows of
 * their preserved sides; semi and anti joins at most the left's. The key columns' distinct counts become the
 * smaller of the two.
 */
public final class JoinEstimation {

  private JoinEstimation() {}

  /** The estimated output of {@code join} given its sides' statistics. */
  public static PlanStats estimate(Join join, PlanStats left, PlanStats right) {
    if (join.joinType() == JoinType.LEFT_SEMI || join.joinType() == JoinType.LEFT_ANTI) {
      return StatsEstimator.of(join, left.rowCount(), left.columns());
    }
    double inner = left.rowCount() * right.rowCount();
    Map<Long, ColumnStat> columns = new HashMap<>(left.columns());
    columns.putAll(right.columns());
    for (Expression conjunct : conjuncts(join.condition())) {
      if (!(conjunct instanceof BinaryComparison b && b.operator() == ComparisonOperator.EQUAL
          && b.left() instanceof AttributeReference x && b.right() instanceof AttributeReference y)) {
        continue;
      }
      ColumnStat xs = left.column(x.exprId()) != null ? left.column(x.exprId()) : right.column(x.exprId());
      ColumnStat ys = right.column(y.exprId()) != null ? right.column(y.exprId()) : left.column(y.exprId());
      if (xs == null || ys == null) {
        continue;
      }
      double keyed = left.rowCount() * right.rowCount() / Math.max(1, Math.max(xs.distinctCount(),
          ys.distinctCount()));
      inner = Math.min(inner, keyed);
      double ndv = Math.min(xs.distinctCount(), ys.distinctCount());
      columns.put(x.exprId(), new ColumnStat(ndv, xs.min(), xs.max(), 0));
      columns.put(y.exprId(), new ColumnStat(ndv, ys.min(), ys.max(), 0));
    }
    double rows = switch (join.joinType()) {
      case LEFT_OUTER -> Math.max(inner, left.rowCount());
      case RIGHT_OUTER -> Math.max(inner, right.rowCount());
      case FULL_OUTER -> Math.max(inner, left.rowCount() + right.rowCount());
      default -> inner;
    };
    return StatsEstimator.of(join, rows, StatsEstimator.scaled(columns, 1, rows));
  }

  private static List<Expression> conjuncts(Expression condition) {
    List<Expression> result = new ArrayList<>();
    if (condition instanceof And and) {
      result.addAll(conjuncts(and.left()));
      result.addAll(conjuncts(and.right()));
    } else if (condition != null) {
      result.add(condition);
    }
    return result;
  }
}
