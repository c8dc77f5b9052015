package dev.ember.sql.execution.join;

import dev.ember.EmberConf;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Or;
import java.util.List;
import java.util.function.Function;

/**
 * Chooses the physical operator of a join, as Spark's JoinSelection does: with equi-join keys, a broadcast
 * hash join when a side that may be built is estimated under {@code spark.sql.autoBroadcastJoinThreshold}
 * (the smaller one if both), otherwise a shuffled hash join; without keys, a broadcast nested-loop join.
 * A side may be broadcast when its unmatched rows need not be emitted: the right side of inner, left outer,
 * semi and anti joins, the left side of inner and right outer joins. A shuffled hash join may also build an
 * outer join's preserved side when it is much the smaller ({@link #shuffledBuildLeft}), and a left semi or anti
 * join its left side (never broadcast: each task would see only its own matches) when that is much the smaller,
 * so the large right side is streamed.
 */
public final class JoinSelection {

  /** {@code spark.sql.autoBroadcastJoinThreshold}: a size ({@code 10485760}, {@code 10m}) or -1 for never. */
  public static final String BROADCAST_THRESHOLD_KEY = "ember.sql.autoBroadcastJoinThreshold";
  /**
   * Internal: whether a shuffled left semi or anti join may build its left side when it is much the smaller
   * (default true); off, it always builds its right side (for tests comparing the two).
   */
  public static final String SEMI_ANTI_BUILD_LEFT_KEY = "ember.sql.join.semiAntiBuildLeft.enabled";
  private final long broadcastThreshold;
  private final long buildBudget;
  private final boolean semiAntiBuildLeft;

  /**
   * A strategy broadcasting sides under {@code broadcastThreshold} bytes (negative: never), giving shuffled
   * hash joins {@code buildBudget} bytes per build partition.
   */
  public JoinSelection(long broadcastThreshold, long buildBudget) {
    this(broadcastThreshold, buildBudget, true);
  }

  /** As above; a shuffled semi or anti join may build its smaller left side when {@code semiAntiBuildLeft}. */
  public JoinSelection(long broadcastThreshold, long buildBudget, boolean semiAntiBuildLeft) {
    this.broadcastThreshold = broadcastThreshold;
    this.buildBudget = buildBudget;
    this.semiAntiBuildLeft = semiAntiBuildLeft;
  }

  /** The strategy configured by {@code conf}: Spark's 10 MB threshold and a quarter of the heap by default. */
  public static JoinSelection fromConf(EmberConf conf) {
    String threshold = conf.get(BROADCAST_THRESHOLD_KEY, "10m").trim();
    long bytes = threshold.startsWith("-") ? -1 : conf.getSizeAsBytes(BROADCAST_THRESHOLD_KEY, "10m");
    long budget = conf.getSizeAsBytes(ShuffledHashJoinExec.BUILD_BUDGET_KEY,
        String.valueOf(Runtime.getRuntime().maxMemory() / 4));
    return new JoinSelection(bytes, budget, conf.getBoolean(SEMI_ANTI_BUILD_LEFT_KEY, true));
  }

  /** The physical join of {@code join}, its inputs planned by {@code planChild}. */
  public PhysicalPlan plan(Join join, Function<LogicalPlan, PhysicalPlan> planChild) {
    JoinType type = join.joinType();
    long leftSize = Statistics.sizeInBytes(join.left());
    long rightSize = Statistics.sizeInBytes(join.right());
    boolean canBuildLeft = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
    boolean canBuildRight = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
    PhysicalPlan left = planChild.apply(join.left());
    PhysicalPlan right = planChild.apply(join.right());
    PhysicalPlan hinted = join.hint().isEmpty() ? null : JoinHints.plan(join, left, right, buildBudget);
    if (hinted != null) {
      return hinted;
    }
    if (type == JoinType.LEFT_ANTI && fits(rightSize)) {
      BinaryComparison notIn = nullAwareKey(join);
      if (notIn != null) {
        return new BroadcastNullAwareAntiJoinExec(notIn.left(), notIn.right(), left, right);
      }
    }
    JoinKeys keys = JoinKeys.extract(join.condition(), join.left().output(), join.right().output());
    // The smaller side is built when either may be; the right when only it may be or for a full outer join.
    // By expected rows, not the upper bounds broadcasts need (a bound makes every join input look bigger
    // than any scan, so the larger side was built), and rows rather than bytes, since a hash table's cost,
    // inserting and its cache misses, grows with its rows; equal estimates fall back to the size bounds.
    long leftRows = Statistics.expectedRowCount(join.left());
    long rightRows = Statistics.expectedRowCount(join.right());
    boolean buildLeft = canBuildLeft && (!canBuildRight
        || (leftRows != rightRows ? leftRows < rightRows : leftSize < rightSize));
    if (!keys.isEquiJoin()) {
      return new BroadcastNestedLoopJoinExec(type, buildLeft, join.condition(), left, right);
    }
    boolean broadcastLeft = canBuildLeft && fits(leftSize);
    boolean broadcastRight = canBuildRight && fits(rightSize);
    if (broadcastLeft || broadcastRight) {
      boolean buildBroadcastLeft = broadcastLeft && (!broadcastRight || leftSize < rightSize);
      return new BroadcastHashJoinExec(keys.leftKeys(), keys.rightKeys(), keys.nullSafe(), type,
          buildBroadcastLeft, keys.residual(), left, right);
    }
    boolean shuffledLeft = type.leftOnly() ? semiAntiBuildLeft && muchSmaller(leftRows, rightRows)
        : shuffledBuildLeft(type, buildLeft, leftRows, rightRows);
    return new ShuffledHashJoinExec(keys.leftKeys(), keys.rightKeys(), keys.nullSafe(), type, shuffledLeft,
        keys.residual(), buildBudget, left, right);
  }

  /**
   * The {@code left = right} of a NOT IN's anti join condition {@code l = r OR (l = r) IS NULL}, with l over
   * the left input and r over the right one; null for any other condition.
   */
  private static BinaryComparison nullAwareKey(Join join) {
    if (join.condition() instanceof Or or && or.left() instanceof BinaryComparison equal
        && equal.operator() == ComparisonOperator.EQUAL && or.right() instanceof IsNull isNull
        && equal.equals(isNull.child())) {
      List<AttributeReference> left = join.left().output();
      List<AttributeReference> right = join.right().output();
      boolean sides = !equal.left().references().isEmpty() && left.containsAll(equal.left().references())
          && !equal.right().references().isEmpty() && right.containsAll(equal.right().references());
      return sides ? equal : null;
    }
    return null;
  }

  /**
   * The build side of a shuffled hash join, which may also be an outer join's preserved side (Spark's
   * SPARK-36612): each build row lives in one partition, so its unmatched rows are emitted once, at the end of
   * the partition. A left outer join builds its left side, a right outer join its right side, when that side is
   * expected to hold at most half the other's rows (as Spark's "much smaller" asks a third of the bytes; rows
   * here, since a filter's estimate halves them per conjunct): a side about as large is still streamed, so the
   * run-time switch may yet broadcast the other side if it turns out small. Every other join keeps its side.
   */
  static boolean shuffledBuildLeft(JoinType type, boolean buildLeft, long leftRows, long rightRows) {
    if (type == JoinType.LEFT_OUTER) {
      return muchSmaller(leftRows, rightRows);
    }
    if (type == JoinType.RIGHT_OUTER) {
      return !muchSmaller(rightRows, leftRows);
    }
    return buildLeft;
  }

  private static boolean muchSmaller(long rows, long otherRows) {
    return rows != Statistics.UNKNOWN && otherRows != Statistics.UNKNOWN && rows <= otherRows / 2;
  }

  private boolean fits(long size) {
    return broadcastThreshold >= 0 && size <= broadcastThreshold;
  }
}
