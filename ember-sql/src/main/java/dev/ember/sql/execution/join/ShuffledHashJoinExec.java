package dev.ember.sql.execution.join;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * A hash join of two inputs hash-partitioned on the join keys into the same number of partitions (the
 * exchanges come from EnsureRequirements): partition i of the build side is hashed and partition i of the
 * stream side probes it. Every join type works, full outer too, since each build row lives in exactly one
 * partition. An outer join may build its preserved side: its build rows never matched, marked as the stream
 * side probes them, are emitted NULL-padded once the stream partition is exhausted. A left semi or anti join
 * may build its left side the same way, emitting at the end the left rows matched (semi) or never matched
 * (anti), a residual condition checked per candidate pair before a row counts as matched. A build partition larger
 * than its budget, or than the memory the task grants, is not held: the task falls back to a grace hash join
 * ({@link GraceHashJoin}), splitting both sides into spill files by a second hash of the keys and joining them
 * pair by pair, each pair marking its own build rows. A grace join keeps every join type's logic in the one
 * {@link JoinProcessor} and costs disk only when the build side overflows, where a sort-merge join would
 * sort both sides of every large join.
 */
public final class ShuffledHashJoinExec extends JoinExec {

  /** The budget of one build partition in bytes; by default a quarter of the maximum heap. */
  public static final String BUILD_BUDGET_KEY = "ember.sql.join.shuffledHashJoinBuildBudget";
  private static final long serialVersionUID = 1L;
  private final List<Expression> leftKeys;
  private final List<Expression> rightKeys;
  private final boolean[] nullSafe;
  private final long buildBudget;
  private final boolean strategyHinted;

  /** A join of {@code left} and {@code right} on the keys, building the left side when {@code buildLeft}. */
  public ShuffledHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
      JoinType joinType, boolean buildLeft, Expression residual, long buildBudget, PhysicalPlan left,
      PhysicalPlan right) {
    this(leftKeys, rightKeys, nullSafe, joinType, buildLeft, residual, buildBudget, false, left, right, null);
  }

  private ShuffledHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
      JoinType joinType, boolean buildLeft, Expression residual, long buildBudget, boolean strategyHinted,
      PhysicalPlan left, PhysicalPlan right, int[] kept) {
    super(left, right, joinType, buildLeft, residual, kept);
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.nullSafe = nullSafe.clone();
    this.buildBudget = buildBudget;
    this.strategyHinted = strategyHinted;
  }

  /**
   * This join as one a SHUFFLE_HASH or SHUFFLE_MERGE hint asked for: adaptive execution keeps it shuffled
   * rather than converting it into a broadcast join, as Spark's AQE keeps a hinted strategy.
   */
  public ShuffledHashJoinExec withStrategyHinted() {
    return new ShuffledHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildLeft, condition, buildBudget,
        true, left, right, kept);
  }

  /** Whether a join strategy hint chose this shuffled join (see {@link #withStrategyHinted()}). */
  public boolean strategyHinted() {
    return strategyHinted;
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(new Distribution.HashClustered(leftKeys), new Distribution.HashClustered(rightKeys));
  }

  /**
   * An inner join's rows are partitioned by the build side's keys too, since they equal the stream side's:
   * a parent clustered on either side's keys needs no new exchange, whichever side was built.
   */
  @Override
  public Partitioning outputPartitioning() {
    if (preservedSideBuilt()) {
      // Partition i holds the rows of the preserved side's partition i, matched or padded at its end, with
      // that side's columns never NULL-padded: they stay partitioned as that side's input was.
      return buildSide().outputPartitioning();
    }
    Partitioning stream = super.outputPartitioning();
    if (joinType != JoinType.INNER) {
      return stream;
    }
    return new Partitioning.Collection(List.of(stream, buildSide().outputPartitioning()));
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
    return new ShuffledHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildLeft, condition, buildBudget,
        strategyHinted, c.get(0), c.get(1), kept);
  }

  /**
   * This join emitting only the columns at positions {@code kept} of its full output (left then right
   * columns), or all when null ({@link PruneJoinOutputs}).
   */
  ShuffledHashJoinExec withKept(int[] kept) {
    return new ShuffledHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildLeft, condition, buildBudget,
        strategyHinted, left, right, kept);
  }

  /** The expressions the join itself reads: its keys and its remaining condition. */
  List<Expression> joinExpressions() {
    return JoinExec.concat(leftKeys, rightKeys, condition);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    PhysicalPlan build = buildSide();
    List<Expression> buildKeys = BindReferences.bindAll(buildLeft ? leftKeys : rightKeys, build.output());
    List<Expression> streamKeys = BindReferences.bindAll(buildLeft ? rightKeys : leftKeys, streamSide().output());
    JoinProcessor processor = processor(condition);
    List<DataType> buildTypes = types(build);
    List<DataType> streamTypes = types(streamSide());
    boolean[] safe = nullSafe;
    long budget = buildBudget;
    String name = simpleString();
    RDD<ColumnarBatch> buildRdd = build.execute(context);
    return streamSide().execute(context).zipPartitions(buildRdd, (stream, buildBatches) ->
        new GraceHashJoin(TaskSpill.forCurrentTask(), buildKeys, streamKeys, safe, buildTypes, streamTypes,
            processor, budget, name).join(stream, buildBatches));
  }

  /**
   * Whether a left outer join builds its left side or a right outer join its right side, or a semi or anti join
   * its left side: the output is that side's rows.
   */
  private boolean preservedSideBuilt() {
    return buildLeft ? joinType == JoinType.LEFT_OUTER || joinType.leftOnly() : joinType == JoinType.RIGHT_OUTER;
  }

  /** Whether the left input is the one hashed. */
  public boolean buildsLeft() {
    return buildLeft;
  }

  /** The stream side's join keys. */
  public List<Expression> streamKeys() {
    return buildLeft ? rightKeys : leftKeys;
  }

  /** The build side's join keys. */
  public List<Expression> buildKeys() {
    return buildLeft ? leftKeys : rightKeys;
  }

  /** The kind of join. */
  public JoinType joinType() {
    return joinType;
  }

  /** Whether key pair {@code i} compares NULL-safe ({@code <=>}), NULL matching NULL. */
  public boolean nullSafe(int i) {
    return nullSafe[i];
  }

  /**
   * Whether the build side could be broadcast instead: its rows are never emitted by their match marks (as an
   * outer build side's unmatched rows, or a semi or anti join's left rows, are).
   */
  public boolean canBroadcastBuildSide() {
    return !processor(null).buildRowsEmitted();
  }

  /** Whether a left semi or anti join builds its left side (then only its right side may be broadcast). */
  public boolean semiOrAntiBuildsLeft() {
    return buildLeft && joinType.leftOnly();
  }

  /**
   * The same join as a broadcast hash join over {@code newLeft} and {@code newRight}, building the same side
   * (Spark's AQE converting a shuffled join once its build side turns out small).
   */
  public BroadcastHashJoinExec toBroadcast(PhysicalPlan newLeft, PhysicalPlan newRight) {
    if (!canBroadcastBuildSide()) {
      throw new IllegalStateException("The build side of " + simpleString() + " cannot be broadcast");
    }
    return new BroadcastHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildLeft, condition, newLeft,
        newRight).withKept(kept);
  }

  /**
   * A semi or anti join building its left side as a broadcast hash join over {@code newLeft} and
   * {@code newRight} that builds its right side instead, streaming the left (the only side a semi or anti join
   * may broadcast), once the right side turns out small at run time.
   */
  public BroadcastHashJoinExec toBroadcastRight(PhysicalPlan newLeft, PhysicalPlan newRight) {
    if (!semiOrAntiBuildsLeft()) {
      throw new IllegalStateException(simpleString() + " does not build its left side");
    }
    return new BroadcastHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, false, condition, newLeft, newRight)
        .withKept(kept);
  }

  @Override
  public String simpleString() {
    return describe("ShuffledHashJoin", ExplainStrings.list(leftKeys) + ", " + ExplainStrings.list(rightKeys)
        + ", ");
  }
}
