package dev.ember.sql;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.RepartitionByExpression;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan of {@code Dataset.repartitionByRange}, as Spark's: each column becomes a sort order (ascending NULLS
 * FIRST unless it is one already, such as {@code col("x").desc()}), so the repartition is planned as a range
 * exchange.
 */
final class RangeRepartitioning {

  private RangeRepartitioning() {}

  /** A range repartition of {@code child} into {@code numPartitions} partitions by {@code columns}. */
  static LogicalPlan of(int numPartitions, Column[] columns, LogicalPlan child) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("At least one partition-by expression must be specified.");
    }
    List<Expression> orders = new ArrayList<>();
    for (Column c : columns) {
      orders.add(c.expr() instanceof SortOrder order ? order : SortOrder.of(c.expr(), true));
    }
    return new RepartitionByExpression(orders, numPartitions, child);
  }
}
