package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.stats.JoinEstimation;
import dev.ember.sql.plan.stats.PlanStats;
import dev.ember.sql.plan.stats.StatsEstimator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic programming of Spark's {@code JoinReorderDP}: level 1 holds each relation; level k the cheapest
 * plan for every set of k relations, built by joining a plan of level i with a disjoint plan of level k - i
 * when some condition connects them. A plan's cost is {@code w * rows + (1 - w) * bytes} summed over its
 * joins below the top one, rows and bytes as {@link StatsEstimator} estimates them; the bigger side (in
 * relations) goes left, as Spark.
 */
final class JoinReorderDp {

  /** A plan for the relations in {@code mask} with the accumulated rows and bytes of its inner joins. */
  private record JoinPlan(long mask, LogicalPlan plan, PlanStats stats, double rows, double bytes) {
    double cost(double weight) {
      return weight * rows + (1 - weight) * bytes;
    }

    int size() {
      return Long.bitCount(mask);
    }
  }

  private JoinReorderDp() {}

  /**
   * The cheapest join of {@code items} under {@code conditions}, or {@code null} when the conditions do not
   * connect all of them.
   */
  static LogicalPlan search(List<LogicalPlan> items, List<Expression> conditions, double weight) {
    int n = items.size();
    List<Expression> remaining = new ArrayList<>();
    List<Long> masks = new ArrayList<>();
    List<Expression> constant = new ArrayList<>();
    List<List<Expression>> own = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      own.add(new ArrayList<>());
    }
    for (Expression c : conditions) {
      long mask = mask(c, items);
      if (mask == 0) {
        constant.add(c);
      } else if (Long.bitCount(mask) == 1) {
        own.get(Long.numberOfTrailingZeros(mask)).add(c);
      } else {
        remaining.add(c);
        masks.add(mask);
      }
    }
    List<Map<Long, JoinPlan>> levels = new ArrayList<>();
    levels.add(Map.of());
    Map<Long, JoinPlan> first = new HashMap<>();
    for (int i = 0; i < n; i++) {
      LogicalPlan item = own.get(i).isEmpty() ? items.get(i) : new Filter(Predicates.and(own.get(i)), items.get(i));
      first.put(1L << i, new JoinPlan(1L << i, item, StatsEstimator.estimate(item), 0, 0));
    }
    levels.add(first);
    for (int k = 2; k <= n; k++) {
      Map<Long, JoinPlan> level = new HashMap<>();
      for (int i = 1; i <= k / 2; i++) {
        for (JoinPlan a : levels.get(i).values()) {
          for (JoinPlan b : levels.get(k - i).values()) {
            if ((a.mask() & b.mask()) != 0) {
              continue;
            }
            JoinPlan joined = join(a, b, remaining, masks);
            JoinPlan best = joined == null ? null : level.get(joined.mask());
            if (joined != null && (best == null || joined.cost(weight) < best.cost(weight))) {
              level.put(joined.mask(), joined);
            }
          }
        }
      }
      levels.add(level);
    }
    JoinPlan all = levels.get(n).get((1L << n) - 1);
    if (all == null) {
      return null;
    }
    return constant.isEmpty() ? all.plan() : new Filter(Predicates.and(constant), all.plan());
  }

  private static JoinPlan join(JoinPlan a, JoinPlan b, List<Expression> conditions, List<Long> masks) {
    long union = a.mask() | b.mask();
    List<Expression> applicable = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      long m = masks.get(i);
      if ((m & union) == m && (m & a.mask()) != m && (m & b.mask()) != m) {
        applicable.add(conditions.get(i));
      }
    }
    if (applicable.isEmpty()) {
      return null;
    }
    JoinPlan left = a.size() >= b.size() ? a : b;
    JoinPlan right = left == a ? b : a;
    Join join = new Join(left.plan(), right.plan(), JoinType.INNER, Predicates.and(applicable));
    PlanStats stats = JoinEstimation.estimate(join, left.stats(), right.stats());
    double rows = left.rows() + right.rows();
    double bytes = left.bytes() + right.bytes();
    if (left.size() > 1) {
      rows += left.stats().rowCount();
      bytes += left.stats().sizeInBytes();
    }
    if (right.size() > 1) {
      rows += right.stats().rowCount();
      bytes += right.stats().sizeInBytes();
    }
    return new JoinPlan(union, join, stats, rows, bytes);
  }

  /** The relations among {@code items} whose columns {@code condition} reads, as bits. */
  private static long mask(Expression condition, List<LogicalPlan> items) {
    long mask = 0;
    for (AttributeReference ref : condition.references()) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).output().stream().anyMatch(a -> a.exprId() == ref.exprId())) {
          mask |= 1L << i;
        }
      }
    }
    return mask;
  }
}
