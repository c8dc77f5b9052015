package dev.ember.sql.execution.adaptive;

import dev.ember.MapOutputStatistics;
import dev.ember.ShuffleDependency;
import dev.ember.rdd.RDD;
import dev.ember.rdd.ShuffleRangeRDD;
import dev.ember.sql.execution.BatchSizes;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.join.ShuffledHashJoinExec;
import dev.ember.sql.execution.joinfilter.dynamic.DynamicJoinFilter;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shuffled hash join that may become a broadcast hash join at run time (Spark's AQE join selection with
 * {@code spark.sql.adaptive.autoBroadcastJoinThreshold}, and the local read of the other side). When it runs,
 * the map stage of the build side's exchange (the side the planner expected smaller) runs alone first. If
 * that shuffle wrote at most the threshold, its output is read whole, and if its batches too are at most the
 * threshold in estimated heap bytes (shuffle bytes are compressed), they are broadcast through
 * {@link dev.ember.sql.execution.join.BroadcastHashJoinExec}, and the stream side is read from the exchange's
 * child directly: its shuffle never runs. Otherwise the stream side's map stage runs too and the join goes on
 * as planned, both shuffles read with the same coalesced ranges when the stage's reads are adaptive.
 *
 * <p>A left semi or anti join building its left side never broadcasts it (its left rows are emitted by their
 * match marks, which a broadcast would scatter over the tasks); its left side still runs first, and when it is
 * at most the threshold its keys filter the right side's file scan ({@link DynamicJoinFilter}) before the
 * right side is shuffled. If the right side's shuffle then turns out at most the threshold, the right side is
 * broadcast and the left side's shuffle read streamed: the join builds its right side after all.
 *
 * <p>Before it runs, the node prints as the shuffled join it was planned as; after a run, as the join it
 * became, marked {@code (adaptive, isFinalPlan)}, with the materialized stages under it.
 */
public final class AdaptiveHashJoinExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AdaptiveHashJoinExec.class);
  private final ShuffledHashJoinExec join;
  private final long broadcastThreshold;
  private final boolean reshuffle;
  private final boolean runtimeFilter;
  private transient volatile PhysicalPlan finalPlan;

  /**
   * {@code join}, broadcasting its build side at run time if it is at most the threshold; when
   * {@code reshuffle}, an operator above relies on the join's hash partitioning, and a converted join's output
   * is shuffled by the stream side's keys into the planned partition count.
   */
  public AdaptiveHashJoinExec(ShuffledHashJoinExec join, long broadcastThreshold, boolean reshuffle) {
    this(join, broadcastThreshold, reshuffle, false);
  }

  /**
   * As above; when {@code runtimeFilter}, a build side broadcast at run time also filters the stream side's file
   * scan by its keys ({@link DynamicJoinFilter}).
   */
  public AdaptiveHashJoinExec(ShuffledHashJoinExec join, long broadcastThreshold, boolean reshuffle,
      boolean runtimeFilter) {
    this.join = join;
    this.broadcastThreshold = broadcastThreshold;
    this.reshuffle = reshuffle;
    this.runtimeFilter = runtimeFilter;
  }

  /** The plan the last run settled on, or null before a run. */
  public PhysicalPlan finalPlan() {
    return finalPlan;
  }

  @Override
  public List<PhysicalPlan> children() {
    PhysicalPlan settled = finalPlan;
    return settled == null ? join.children() : settled.children();
  }

  /** Over new inputs: the planned join, or after a run the join it became (whose inputs they then are). */
  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    PhysicalPlan settled = finalPlan;
    if (newChildren.equals(children())) {
      return this;
    }
    if (settled != null) {
      return settled.withNewChildren(newChildren);
    }
    return new AdaptiveHashJoinExec((ShuffledHashJoinExec) join.withNewChildren(newChildren), broadcastThreshold,
        reshuffle, runtimeFilter);
  }

  @Override
  public List<AttributeReference> output() {
    return join.output();
  }

  /** As planned; nothing above the join in its stage relies on it (see {@link DynamicJoinSelection}). */
  @Override
  public Partitioning outputPartitioning() {
    return join.outputPartitioning();
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return join.requiredChildDistribution();
  }

  @Override
  public String simpleString() {
    PhysicalPlan settled = finalPlan;
    return settled == null ? join.simpleString() : settled.simpleString() + " (adaptive, isFinalPlan=true)";
  }

  /** Whether the build side is no exchange: a probe job computes it to learn its size. */
  boolean probesBuildSide() {
    return !(join.children().get(join.buildsLeft() ? 0 : 1) instanceof ShuffleExchangeExec);
  }

  /**
   * Whether this is a semi or anti join building its left side over two exchanges, with run-time filters on:
   * within a coalesced stage, its left keys may filter its right side's scan ({@link GroupJoinFilter}).
   */
  boolean filtersInGroup() {
    return runtimeFilter && join.semiOrAntiBuildsLeft() && join.streamKeys().size() == 1 && !join.nullSafe(0)
        && join.children().get(0) instanceof ShuffleExchangeExec
        && join.children().get(1) instanceof ShuffleExchangeExec;
  }

  /** The filter of group member {@code rightMember} (the right side) by the keys of {@code leftMember}. */
  GroupJoinFilter groupFilter(int leftMember, int rightMember) {
    return new GroupJoinFilter(leftMember, rightMember, join.buildKeys().get(0), join.streamKeys().get(0),
        broadcastThreshold);
  }

  /** The position of the stream side, the exchange that may never run. */
  int streamIndex() {
    return join.buildsLeft() ? 1 : 0;
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    boolean buildLeft = join.buildsLeft();
    PhysicalPlan buildChild = join.children().get(buildLeft ? 0 : 1);
    PhysicalPlan streamChild = join.children().get(buildLeft ? 1 : 0);
    if (!(buildChild instanceof ShuffleExchangeExec || buildChild instanceof AQEShuffleReadExec)) {
      return executeProbed(context, buildChild, streamChild);
    }
    CoalesceGroup group = pairedGroup(buildChild, streamChild);
    if (group == null && !(buildChild instanceof ShuffleExchangeExec && streamChild instanceof ShuffleExchangeExec)) {
      // The stage's reads are coalesced together with other exchanges: the join runs as planned.
      finalPlan = join;
      return join.execute(context);
    }
    ShuffleExchangeExec buildExchange = exchangeOf(buildChild);
    ShuffleExchangeExec streamExchange = exchangeOf(streamChild);
    ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> build = dependency(buildExchange, context);
    long[] buildSizes = context.emberContext().runMapStages(List.of(build)).get(0).bytesByPartitionId();
    long buildBytes = Arrays.stream(buildSizes).sum();
    // Shuffle bytes are compressed: the batches read whole are measured as the heap bytes a broadcast holds.
    List<ColumnarBatch> small = buildBytes > broadcastThreshold ? null : BuildSideProbe.collectIfSmall(context,
        new ShuffleRangeRDD<>(build, new int[] {0}).mapPartitions(ShuffleExchangeExec::values), broadcastThreshold);
    if (small != null && !join.canBroadcastBuildSide()) {
      // A semi or anti join building its left side keeps its plan; the left keys in hand filter the right scan.
      streamExchange = (ShuffleExchangeExec) streamExchange.withNewChildren(List.of(
          filtered(streamExchange.children().get(0), buildExchange.output(), small)));
    } else if (small != null) {
      long bytes = small.stream().mapToLong(BatchSizes::estimatedBytes).sum();
      LOG.debug("Broadcasting the {} bytes of shuffle {} instead of shuffling the other side of {}", bytes,
          build.shuffleId(), join.simpleString());
      PhysicalPlan buildRead = new ShuffleQueryStageExec(buildExchange, context.emberContext().parallelize(small, 1),
          small, bytes, "whole");
      PhysicalPlan stream = filtered(streamExchange.children().get(0), buildExchange.output(), small);
      PhysicalPlan converted = partitioned(buildLeft ? join.toBroadcast(buildRead, stream)
          : join.toBroadcast(stream, buildRead));
      finalPlan = converted;
      return converted.execute(context);
    }
    ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> streamDep = dependency(streamExchange, context);
    MapOutputStatistics streamStats = context.emberContext().runMapStages(List.of(streamDep)).get(0);
    List<long[]> sizes = List.of(buildSizes, streamStats.bytesByPartitionId());
    int[] starts = group == null ? allPartitions(buildSizes.length)
        : PartitionCoalescer.startIndices(sizes, PartitionCoalescer.targetSize(sizes, group.settings()));
    String how = group == null ? "all " + starts.length + " partitions"
        : "coalesced into " + starts.length + " partitions";
    PhysicalPlan buildRead = new ShuffleQueryStageExec(buildExchange, read(build, starts), buildBytes, how);
    long streamBytes = Arrays.stream(streamStats.bytesByPartitionId()).sum();
    PhysicalPlan broadcastRight = join.semiOrAntiBuildsLeft() && streamBytes <= broadcastThreshold
        ? broadcastingRight(context, buildRead, streamExchange, streamDep) : null;
    if (broadcastRight != null) {
      finalPlan = broadcastRight;
      return broadcastRight.execute(context);
    }
    PhysicalPlan streamRead = new ShuffleQueryStageExec(streamExchange, read(streamDep, starts), streamBytes, how);
    PhysicalPlan shuffled = join.withNewChildren(buildLeft ? List.of(buildRead, streamRead)
        : List.of(streamRead, buildRead));
    finalPlan = shuffled;
    return shuffled.execute(context);
  }

  /**
   * A build side that is no exchange is computed once by a probe job; small, its batches are broadcast and the
   * stream side is read without its exchange; larger, the join runs as planned over the same build RDD (its
   * shuffles already run), so only the part of the build side above them is computed again.
   */
  private RDD<ColumnarBatch> executeProbed(ExecutionContext context, PhysicalPlan buildChild,
      PhysicalPlan streamChild) {
    boolean buildLeft = join.buildsLeft();
    RDD<ColumnarBatch> build = buildChild.execute(context);
    List<ColumnarBatch> small = BuildSideProbe.collectIfSmall(context, build, broadcastThreshold);
    PhysicalPlan settled;
    if (small != null && !join.canBroadcastBuildSide() && streamChild instanceof ShuffleExchangeExec exchange) {
      // A semi or anti join building its left side keeps its plan; the left keys in hand filter the right scan.
      PhysicalPlan buildRead = new ShuffleQueryStageExec(buildChild, build, -1, "as planned");
      PhysicalPlan stream = exchange.withNewChildren(List.of(filtered(exchange.children().get(0),
          buildChild.output(), small)));
      settled = join.withNewChildren(List.of(buildRead, stream));
    } else if (small != null && join.canBroadcastBuildSide()) {
      long bytes = small.stream().mapToLong(BatchSizes::estimatedBytes).sum();
      LOG.debug("Broadcasting the {} bytes of a probed build side instead of shuffling the other side of {}",
          bytes, join.simpleString());
      PhysicalPlan buildRead = new ShuffleQueryStageExec(buildChild, context.emberContext().parallelize(small, 1),
          small, bytes, "whole");
      PhysicalPlan stream = filtered(exchangeOf(streamChild).children().get(0), buildChild.output(), small);
      settled = partitioned(buildLeft ? join.toBroadcast(buildRead, stream) : join.toBroadcast(stream, buildRead));
    } else {
      PhysicalPlan buildRead = new ShuffleQueryStageExec(buildChild, build, -1, "as planned");
      settled = join.withNewChildren(buildLeft ? List.of(buildRead, streamChild) : List.of(streamChild, buildRead));
    }
    finalPlan = settled;
    return settled.execute(context);
  }

  /**
   * A semi or anti join building its left side whose right side (shuffled, {@code right}) turned out small: a
   * broadcast hash join building the right side and streaming the left side's shuffle read as the join would
   * have ({@code leftRead}), so its output keeps the planned partitioning; null when the right side's batches
   * pass the threshold in heap bytes.
   */
  private PhysicalPlan broadcastingRight(ExecutionContext context, PhysicalPlan leftRead,
      ShuffleExchangeExec rightExchange, ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> right) {
    List<ColumnarBatch> small = BuildSideProbe.collectIfSmall(context,
        new ShuffleRangeRDD<>(right, new int[] {0}).mapPartitions(ShuffleExchangeExec::values), broadcastThreshold);
    if (small == null) {
      return null;
    }
    long bytes = small.stream().mapToLong(BatchSizes::estimatedBytes).sum();
    LOG.debug("Broadcasting the {} bytes of the right side of {} instead of building its left side", bytes,
        join.simpleString());
    PhysicalPlan rightRead = new ShuffleQueryStageExec(rightExchange, context.emberContext().parallelize(small, 1),
        small, bytes, "whole");
    return join.toBroadcastRight(leftRead, rightRead);
  }

  /**
   * {@code stream} with its file scan filtered by the keys of the build side's batches in hand, when enabled
   * and legal for the join ({@link DynamicJoinFilter}); else {@code stream}.
   */
  private PhysicalPlan filtered(PhysicalPlan stream, List<AttributeReference> buildOutput,
      List<ColumnarBatch> buildBatches) {
    boolean probesLeft = !join.buildsLeft();
    if (!runtimeFilter || join.streamKeys().size() != 1 || join.nullSafe(0)
        || !DynamicJoinFilter.legal(join.joinType(), probesLeft)) {
      return stream;
    }
    return DynamicJoinFilter.filterProbeSide(stream, join.streamKeys().get(0), join.buildKeys().get(0),
        buildOutput, buildBatches);
  }

  /** {@code converted}, shuffled by the stream keys when an operator above relies on the planned partitioning. */
  private PhysicalPlan partitioned(PhysicalPlan converted) {
    if (!reshuffle) {
      return converted;
    }
    int partitions = join.outputPartitioning().numPartitions();
    return new ShuffleExchangeExec(new Partitioning.Hash(join.streamKeys(), partitions), converted, false);
  }

  /** The group coalescing exactly the join's two exchanges, or null (plain exchanges, or a larger group). */
  private static CoalesceGroup pairedGroup(PhysicalPlan build, PhysicalPlan stream) {
    if (build instanceof AQEShuffleReadExec buildRead && stream instanceof AQEShuffleReadExec streamRead
        && buildRead.group() == streamRead.group() && buildRead.group().members().size() == 2) {
      return buildRead.group();
    }
    return null;
  }

  private static ShuffleExchangeExec exchangeOf(PhysicalPlan child) {
    return child instanceof AQEShuffleReadExec read ? read.exchange() : (ShuffleExchangeExec) child;
  }

  @SuppressWarnings("unchecked")
  private static ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> dependency(ShuffleExchangeExec exchange,
      ExecutionContext context) {
    return (ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch>) exchange.shuffle(context).dependencies()
        .get(0);
  }

  private static RDD<ColumnarBatch> read(ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> dependency,
      int[] starts) {
    return new ShuffleRangeRDD<>(dependency, starts).mapPartitions(ShuffleExchangeExec::values);
  }

  private static int[] allPartitions(int count) {
    int[] starts = new int[count];
    Arrays.setAll(starts, i -> i);
    return starts;
  }
}
