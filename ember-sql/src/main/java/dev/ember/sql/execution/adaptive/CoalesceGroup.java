package dev.ember.sql.execution.adaptive;

import dev.ember.MapOutputStatistics;
import dev.ember.ShuffleDependency;
import dev.ember.rdd.RDD;
import dev.ember.rdd.ShuffleRangeRDD;
import dev.ember.rdd.ShuffledRDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.vector.ColumnarBatch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchanges feeding one stage, whose reads are coalesced together: when the stage is built, the map
 * stages of all of them run first (one job), and then every one is read with the same ranges of reduce
 * partitions, decided from the sum of their sizes, so operators zipping them partition by partition (a
 * shuffled join) still meet equal keys. Lives on the driver only; the RDDs it builds capture none of it.
 */
final class CoalesceGroup implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CoalesceGroup.class);

  private final AdaptiveSettings settings;
  private final List<ShuffleExchangeExec> members = new ArrayList<>();
  private final List<Boolean> deferred = new ArrayList<>();
  private final List<GroupJoinFilter> filters = new ArrayList<>();
  private transient volatile ShuffleExchangeExec[] ran;
  private transient ExecutionContext preparedFor;
  private transient List<RDD<ColumnarBatch>> reads;
  private transient volatile boolean skipped;
  private transient volatile int ranges;

  CoalesceGroup(AdaptiveSettings settings) {
    this.settings = settings;
  }

  /** Adds an exchange read through this group and returns its position in it. */
  int add(ShuffleExchangeExec exchange) {
    return add(exchange, false);
  }

  /**
   * Adds an exchange whose map stage the group does not run ahead when {@code later}: the stream side of an
   * {@link AdaptiveHashJoinExec} that may never be shuffled. Its size plays no part in the ranges; read, it
   * uses the same ones, its map stage running then.
   */
  int add(ShuffleExchangeExec exchange, boolean later) {
    members.add(exchange);
    deferred.add(later);
    return members.size() - 1;
  }

  /** Adds a dynamic join filter between two members, applied before their map stages run. */
  void filterBy(GroupJoinFilter filter) {
    filters.add(filter);
  }

  /** The exchange member {@code index} last ran as (filtered by a {@link GroupJoinFilter}), or {@code planned}. */
  ShuffleExchangeExec ranAs(int index, ShuffleExchangeExec planned) {
    ShuffleExchangeExec[] last = ran;
    return last == null || last[index] == null ? planned : last[index];
  }

  /** The settings the ranges are decided with. */
  AdaptiveSettings settings() {
    return settings;
  }

  /** The exchanges read through this group. */
  List<ShuffleExchangeExec> members() {
    return List.copyOf(members);
  }

  /** The coalesced read of member {@code index}, running the members' map stages the first time. */
  synchronized RDD<ColumnarBatch> read(int index, ExecutionContext context) {
    if (preparedFor != context) {
      reads = prepare(context);
      preparedFor = context;
    }
    return reads.get(index);
  }

  /**
   * Whether the last run read the exchanges as one partition: coalesced into a single range, or the exchange
   * skipped because its input already was one partition.
   */
  boolean readOnePartition(ExecutionContext context) {
    return preparedFor == context && (skipped || ranges == 1);
  }

  /** Whether the last run skipped the group's only exchange and read its input where it was. */
  boolean skipped() {
    return skipped;
  }

  private List<RDD<ColumnarBatch>> prepare(ExecutionContext context) {
    skipped = false;
    ranges = 0;
    if (members.size() == 1 && !deferred.get(0)) {
      // One exchange feeding the stage, so no other input must line up with its partitions: if its input
      // stage was itself read as one small coalesced partition, that partition already satisfies any
      // clustering or global ordering the exchange was planned for (Spark's AQE re-plans it as SinglePartition).
      PhysicalPlan input = members.get(0).children().get(0);
      RDD<ColumnarBatch> rows = input.execute(context);
      if (rows.getNumPartitions() == 1 && SmallStageInputs.readAsOnePartition(input, context)) {
        skipped = true;
        LOG.debug("Skipped {}: its input is one coalesced partition", members.get(0).simpleString());
        return List.of(rows);
      }
      return read(List.of(members.get(0).shuffle(rows)), context);
    }
    List<ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch>> shuffles = new ArrayList<>(members.size());
    for (ShuffleExchangeExec member : members) {
      shuffles.add(member.shuffle(context));
    }
    ShuffleExchangeExec[] filtered = new ShuffleExchangeExec[members.size()];
    for (GroupJoinFilter filter : filters) {
      int b = filter.buildMember();
      int s = filter.streamMember();
      ShuffleExchangeExec exchange = filter.apply(context, members.get(b), shuffles.get(b), members.get(s));
      if (exchange != null) {
        filtered[s] = exchange;
        shuffles.set(s, exchange.shuffle(context));
      }
    }
    ran = filtered;
    return read(shuffles, context);
  }

  @SuppressWarnings("unchecked")
  private List<RDD<ColumnarBatch>> read(List<ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch>> shuffles,
      ExecutionContext context) {
    List<ShuffleDependency<?, ?, ?>> dependencies = new ArrayList<>(members.size());
    List<ShuffleDependency<?, ?, ?>> ahead = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      ShuffleDependency<?, ?, ?> dependency = (ShuffleDependency<?, ?, ?>) shuffles.get(i).dependencies().get(0);
      dependencies.add(dependency);
      if (!deferred.get(i)) {
        ahead.add(dependency);
      }
    }
    List<MapOutputStatistics> statistics = context.emberContext().runMapStages(ahead);
    List<long[]> sizes = statistics.stream().map(MapOutputStatistics::bytesByPartitionId).toList();
    if (sizes.isEmpty()) {
      sizes = List.of(new long[members.get(0).outputPartitioning().numPartitions()]);
    }
    long target = PartitionCoalescer.targetSize(sizes, settings);
    int[] starts = PartitionCoalescer.startIndices(sizes, target);
    ranges = starts.length;
    if (LOG.isDebugEnabled()) {
      LOG.debug("Coalesced {} shuffle partitions of shuffles {} into {} (target {} bytes): starts {}",
          sizes.get(0).length, statistics.stream().map(MapOutputStatistics::shuffleId).toList(), starts.length,
          target, Arrays.toString(starts));
    }
    List<RDD<ColumnarBatch>> result = new ArrayList<>(dependencies.size());
    for (ShuffleDependency<?, ?, ?> dependency : dependencies) {
      ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch> typed =
          (ShuffleDependency<Integer, ColumnarBatch, ColumnarBatch>) dependency;
      result.add(new ShuffleRangeRDD<>(typed, starts).mapPartitions(ShuffleExchangeExec::values));
    }
    return result;
  }
}
