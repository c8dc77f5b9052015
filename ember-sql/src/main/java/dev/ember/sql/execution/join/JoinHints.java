package dev.ember.sql.execution.join;

import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinHint;
import dev.ember.sql.plan.JoinStrategyHint;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.Statistics;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The physical join a join's strategy hints ask for, in Spark's order of precedence: BROADCAST (a broadcast
 * hash join, or a broadcast nested-loop join without equi-join keys, building the hinted side whatever
 * {@code spark.sql.autoBroadcastJoinThreshold} says; the smaller one if both are hinted), SHUFFLE_MERGE (Ember
 * has no sort-merge join: a shuffled hash join, said once at INFO), SHUFFLE_HASH (a shuffled hash join building
 * the hinted side) and SHUFFLE_REPLICATE_NL (a nested-loop join, inner joins only). A hint the join type does
 * not allow (broadcasting an outer join's preserved side) is logged at WARN and ignored, as Spark does.
 */
final class JoinHints {

  private static final Logger LOG = LoggerFactory.getLogger(JoinHints.class);
  private static final AtomicBoolean MERGE_NOTED = new AtomicBoolean();

  private JoinHints() {}

  /** The join {@code join}'s hints ask for over the planned inputs, or null to plan it without them. */
  static PhysicalPlan plan(Join join, PhysicalPlan left, PhysicalPlan right, long buildBudget) {
    JoinHint hint = join.hint();
    JoinType type = join.joinType();
    boolean canBroadcastLeft = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
    boolean canBroadcastRight = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
    boolean broadcastLeft = allowed(hint.left() == JoinStrategyHint.BROADCAST, canBroadcastLeft, "left", type);
    boolean broadcastRight = allowed(hint.right() == JoinStrategyHint.BROADCAST, canBroadcastRight, "right", type);
    JoinKeys keys = JoinKeys.extract(join.condition(), join.left().output(), join.right().output());
    if (broadcastLeft || broadcastRight) {
      boolean buildLeft = broadcastLeft
          && (!broadcastRight || Statistics.sizeInBytes(join.left()) <= Statistics.sizeInBytes(join.right()));
      if (!keys.isEquiJoin()) {
        return new BroadcastNestedLoopJoinExec(type, buildLeft, join.condition(), left, right);
      }
      return new BroadcastHashJoinExec(keys.leftKeys(), keys.rightKeys(), keys.nullSafe(), type, buildLeft,
          keys.residual(), left, right);
    }
    if (keys.isEquiJoin() && hint.either(JoinStrategyHint.SHUFFLE_MERGE)) {
      if (MERGE_NOTED.compareAndSet(false, true)) {
        LOG.info("Ember has no sort-merge join: a SHUFFLE_MERGE hint is planned as a shuffled hash join.");
      }
      return shuffled(join, keys, defaultBuildLeft(join), buildBudget, left, right);
    }
    boolean canShuffleBuildLeft = type != JoinType.FULL_OUTER;
    boolean hashLeft = allowed(hint.left() == JoinStrategyHint.SHUFFLE_HASH, canShuffleBuildLeft, "left", type);
    boolean hashRight = hint.right() == JoinStrategyHint.SHUFFLE_HASH;
    if (keys.isEquiJoin() && (hashLeft || hashRight)) {
      boolean buildLeft = hashLeft && (!hashRight
          || Statistics.expectedRowCount(join.left()) <= Statistics.expectedRowCount(join.right()));
      return shuffled(join, keys, buildLeft, buildBudget, left, right);
    }
    if (hint.either(JoinStrategyHint.SHUFFLE_REPLICATE_NL)) {
      if (type == JoinType.INNER || type == JoinType.CROSS) {
        return new BroadcastNestedLoopJoinExec(type, Statistics.sizeInBytes(join.left())
            < Statistics.sizeInBytes(join.right()), join.condition(), left, right);
      }
      LOG.warn("Hint (strategy=shuffle_replicate_nl) is not supported in the query: {} join is not an inner join.",
          type.prettyName());
    }
    return null;
  }

  private static boolean allowed(boolean hinted, boolean legal, String side, JoinType type) {
    if (hinted && !legal) {
      LOG.warn("Join hint is not supported in the query: build {} for {} join; the hint is ignored.", side,
          type.prettyName());
    }
    return hinted && legal;
  }

  /** The side a shuffled hash join builds without a side hint, as {@link JoinSelection} picks it. */
  private static boolean defaultBuildLeft(Join join) {
    JoinType type = join.joinType();
    if (type.leftOnly() || type == JoinType.FULL_OUTER) {
      return false;
    }
    long leftRows = Statistics.expectedRowCount(join.left());
    long rightRows = Statistics.expectedRowCount(join.right());
    boolean canBuildLeft = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
    boolean buildLeft = canBuildLeft && (type == JoinType.RIGHT_OUTER || leftRows < rightRows);
    return JoinSelection.shuffledBuildLeft(type, buildLeft, leftRows, rightRows);
  }

  private static PhysicalPlan shuffled(Join join, JoinKeys keys, boolean buildLeft, long buildBudget,
      PhysicalPlan left, PhysicalPlan right) {
    return new ShuffledHashJoinExec(keys.leftKeys(), keys.rightKeys(), keys.nullSafe(), join.joinType(),
        buildLeft, keys.residual(), buildBudget, left, right).withStrategyHinted();
  }
}
