package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * Size estimates of logical plans, the one place the planner asks how big a relation is (to choose a
 * broadcast join under {@code spark.sql.autoBroadcastJoinThreshold}). Local relations know their row count;
 * unary operators take their child's rows (filters and aggregates keep the estimate as an upper bound);
 * {@link SizedRelation}s give their size; relations without statistics count as too big to broadcast, as
 * Spark's {@code defaultSizeInBytes} does.
 */
public final class Statistics {

  /** The size of plans with unknown statistics. */
  public static final long UNKNOWN = Long.MAX_VALUE;

  private Statistics() {}

  /** An estimate of the bytes {@code plan} produces; {@link #UNKNOWN} when there is no estimate. */
  public static long sizeInBytes(LogicalPlan plan) {
    long rows = rowCount(plan);
    if (rows == UNKNOWN) {
      return UNKNOWN;
    }
    return saturatedMultiply(rows, rowWidth(plan.output()));
  }

  /** An estimate of the rows {@code plan} produces; {@link #UNKNOWN} when there is no estimate. */
  public static long rowCount(LogicalPlan plan) {
    if (plan instanceof LocalRelation relation) {
      return relation.rows().size();
    }
    if (plan instanceof OneRowRelation) {
      return 1;
    }
    if (plan instanceof SizedRelation sized) {
      return sized.sizeInBytes() / rowWidth(sized.output());
    }
    if (plan instanceof Limit limit && limit.limit() instanceof dev.ember.sql.plan.expressions.Literal l
        && l.value() instanceof Integer n) {
      return Math.min(n, rowCount(limit.child()));
    }
    if (plan instanceof Join join) {
      long left = rowCount(join.left());
      if (join.joinType().leftOnly()) {
        return left;
      }
      return saturatedMultiply(left, rowCount(join.right()));
    }
    if (plan instanceof SetOperation set) {
      long left = rowCount(set.left());
      long right = rowCount(set.right());
      return set.kind() == SetOperation.Kind.UNION ? saturatedAdd(left, right) : left;
    }
    List<LogicalPlan> children = plan.children();
    if (children.size() == 1) {
      return rowCount(children.get(0));
    }
    return UNKNOWN;
  }

  /** The estimated bytes of one row of {@code columns}: 8 bytes of row overhead plus each value's width. */
  public static long rowWidth(List<AttributeReference> columns) {
    long width = 8;
    for (AttributeReference a : columns) {
      width += typeWidth(a.dataType());
    }
    return width;
  }

  /** Spark's default size of a value of {@code type}. */
  public static int typeWidth(DataType type) {
    if (type == DataTypes.BooleanType || type == DataTypes.NullType) {
      return 1;
    }
    if (type == DataTypes.IntegerType || type == DataTypes.DateType) {
      return 4;
    }
    if (type == DataTypes.StringType) {
      return 20;
    }
    return 8;
  }

  private static long saturatedMultiply(long a, long b) {
    if (a == UNKNOWN || b == UNKNOWN) {
      return UNKNOWN;
    }
    long high = Math.multiplyHigh(a, b);
    return high != 0 || a * b < 0 ? UNKNOWN : a * b;
  }

  private static long saturatedAdd(long a, long b) {
    return a == UNKNOWN || b == UNKNOWN || a + b < 0 ? UNKNOWN : a + b;
  }
}
