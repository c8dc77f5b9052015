package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Size estimates of logical plans, the one place the planner asks how big a relation is (to choose a
 * broadcast join under {@code spark.sql.autoBroadcastJoinThreshold}). Local relations know their row count;
 * unary operators take their child's rows (filters and aggregates keep the estimate as an upper bound);
 * {@link SizedRelation}s give their size; relations without statistics count as too big to broadcast, as
 * Spark's {@code defaultSizeInBytes} does. A join is the product of its inputs in {@link #sizeInBytes}, an
 * upper bound safe for choosing broadcasts; {@link #expectedRowCount} instead takes an equi-join to
 * produce about as many rows as its larger input (a key matching one row of the other side, as a foreign key
 * its primary key) and each conjunct of a filter to keep half of its input's rows (at most three halvings),
 * the better guess for which side of a shuffled join is smaller: with products, every join looked bigger
 * than any scan, and a hash join built its larger side. A filter directly over a scan whose files keep column
 * statistics in their footers ({@link FileStatisticsRelation}, Parquet) keeps the share of rows
 * {@link ScanFilterSelectivity} estimates from them, in both estimates (always on, where Spark's cost-based
 * estimates need ANALYZE TABLE): {@code o_orderdate} in one quarter of a seven-year range keeps about 4% of
 * the rows rather than a quarter, so such a scan may be broadcast or built.
 */
public final class Statistics {

  /** The size of plans with unknown statistics. */
  public static final long UNKNOWN = Long.MAX_VALUE;

  private Statistics() {}

  /** An estimate of the bytes {@code plan} produces; {@link #UNKNOWN} when there is no estimate. */
  public static long sizeInBytes(LogicalPlan plan) {
    return bytes(plan, rowCount(plan, false));
  }

  /**
   * A likelier estimate of the rows {@code plan} produces than {@link #rowCount}, for comparing the sides of
   * a join, but no bound: an equi-join counts the rows of its larger input, a filter halves its input per
   * conjunct. {@link #UNKNOWN} when there is no estimate.
   */
  public static long expectedRowCount(LogicalPlan plan) {
    return rowCount(plan, true);
  }

  /**
   * {@link #expectedRowCount} rows of {@code plan}'s row width: the likely size of its output, for judging whether
   * it is worth keeping; {@link #UNKNOWN} when there is no estimate (or it overflows).
   */
  public static long expectedSizeInBytes(LogicalPlan plan) {
    return bytes(plan, rowCount(plan, true));
  }

  private static long bytes(LogicalPlan plan, long rows) {
    if (rows == UNKNOWN) {
      return UNKNOWN;
    }
    return saturatedMultiply(rows, rowWidth(plan.output()));
  }

  /** An estimate of the rows {@code plan} produces; {@link #UNKNOWN} when there is no estimate. */
  public static long rowCount(LogicalPlan plan) {
    return rowCount(plan, false);
  }

  private static long rowCount(LogicalPlan plan, boolean expected) {
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
      return Math.min(n, rowCount(limit.child(), expected));
    }
    if (plan instanceof Filter filter && filter.child() instanceof FileStatisticsRelation scan) {
      long rows = rowCount(scan, expected);
      FileStatistics files = rows == UNKNOWN ? null : scan.fileStatistics();
      if (files != null) {
        return (long) Math.ceil(rows * ScanFilterSelectivity.of(filter.condition(), files, expected));
      }
    }
    if (expected && plan instanceof Filter filter) {
      long rows = rowCount(filter.child(), true);
      return rows == UNKNOWN ? UNKNOWN : rows >> Math.min(3, conjuncts(filter.condition()));
    }
    if (plan instanceof Join join) {
      long left = rowCount(join.left(), expected);
      if (join.joinType().leftOnly()) {
        return left;
      }
      long right = rowCount(join.right(), expected);
      if (expected && left != UNKNOWN && right != UNKNOWN && joinsOnEquality(join)) {
        return Math.max(left, right);
      }
      return saturatedMultiply(left, right);
    }
    if (plan instanceof SetOperation set) {
      long left = rowCount(set.left(), expected);
      long right = rowCount(set.right(), expected);
      return set.kind() == SetOperation.Kind.UNION ? saturatedAdd(left, right) : left;
    }
    List<LogicalPlan> children = plan.children();
    if (children.size() == 1) {
      return rowCount(children.get(0), expected);
    }
    return UNKNOWN;
  }

  private static int conjuncts(Expression e) {
    return e instanceof And and ? conjuncts(and.left()) + conjuncts(and.right()) : 1;
  }

  /** Whether a conjunct of the join's condition equates an expression of each side. */
  private static boolean joinsOnEquality(Join join) {
    Set<AttributeReference> left = new HashSet<>(join.left().output());
    Set<AttributeReference> right = new HashSet<>(join.right().output());
    List<Expression> pending = new ArrayList<>();
    if (join.condition() != null) {
      pending.add(join.condition());
    }
    while (!pending.isEmpty()) {
      Expression e = pending.remove(pending.size() - 1);
      if (e instanceof And and) {
        pending.add(and.left());
        pending.add(and.right());
      } else if (e instanceof BinaryComparison c && (c.operator() == ComparisonOperator.EQUAL
          || c.operator() == ComparisonOperator.NULL_SAFE_EQUAL)
          && (within(c.left(), left) && within(c.right(), right)
              || within(c.left(), right) && within(c.right(), left))) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(Expression e, Set<AttributeReference> side) {
    Set<AttributeReference> references = e.references();
    return !references.isEmpty() && side.containsAll(references);
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
