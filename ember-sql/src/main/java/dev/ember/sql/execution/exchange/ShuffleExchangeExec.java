package dev.ember.sql.execution.exchange;

import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import dev.ember.rdd.ShuffledRDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.sort.RowComparator;
import dev.ember.sql.execution.vector.BatchBytesWriter;
import dev.ember.sql.execution.vector.BatchSliceCodec;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Redistributes batches through a core shuffle: each input batch is split into one sub-batch per target
 * partition (by hash of the keys, or all to partition 0), and the sub-batches travel as
 * {@code (partition id, batch)} pairs partitioned by that id. SQL so inherits the core's shuffle files,
 * fetch-failure handling and stage retries.
 */
public final class ShuffleExchangeExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final Partitioning partitioning;
  private final PhysicalPlan child;
  private final boolean userSpecified;

  /** An exchange of {@code child} into {@code partitioning} (hash or single). */
  public ShuffleExchangeExec(Partitioning partitioning, PhysicalPlan child) {
    this(partitioning, child, false);
  }

  /**
   * An exchange of {@code child} into {@code partitioning}; {@code userSpecified} when the user asked for this
   * many partitions ({@code repartition(n, cols)}), so adaptive execution must not coalesce them.
   */
  public ShuffleExchangeExec(Partitioning partitioning, PhysicalPlan child, boolean userSpecified) {
    if (partitioning instanceof Partitioning.Unknown) {
      throw new IllegalArgumentException("an exchange needs a hash or single partitioning");
    }
    this.partitioning = partitioning;
    this.child = child;
    this.userSpecified = userSpecified;
  }

  /** Whether the user asked for exactly this many partitions, so they must not be coalesced. */
  public boolean userSpecified() {
    return userSpecified;
  }

  /** A single-partition exchange the planner added (not the user) only gathers its child's rows. */
  @Override
  public boolean gathersIntoOnePartition() {
    return !userSpecified && partitioning instanceof Partitioning.Single;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new ShuffleExchangeExec(partitioning, newChildren.get(0), userSpecified);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return partitioning;
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    return shuffle(context).mapPartitions(ShuffleExchangeExec::values);
  }

  /**
   * The core shuffle of this exchange, as {@code (partition id, batch)} pairs; adaptive execution runs its map
   * stage first and then reads it with fewer tasks.
   */
  public ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch> shuffle(ExecutionContext context) {
    return shuffle(child.execute(context));
  }

  /**
   * The core shuffle of {@code input}, the already executed child: adaptive execution looks at the child's
   * partitions first and shuffles them only when the exchange is still needed.
   */
  public ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch> shuffle(RDD<ColumnarBatch> input) {
    int n = partitioning.numPartitions();
    PartitionIds ids = partitionIds(input);
    // The map side's values are batches, or partitions' slices already encoded (EncodedBatch); only the
    // exchange serializer sees them, and the reduce side reads batches either way.
    @SuppressWarnings({"unchecked", "rawtypes"})
    RDD<Tuple2<Integer, ColumnarBatch>> pieces = (RDD) input.mapPartitions(batches -> split(batches, ids, n));
    ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch> shuffled = new ShuffledRDD<>(pieces, new HashPartitioner(n));
    shuffled.setSerializer(ColumnarBatchSerializer.INSTANCE);
    return shuffled;
  }

  /** How rows find their partition; a range partitioning first runs a job sampling its bounds. */
  private PartitionIds partitionIds(RDD<ColumnarBatch> input) {
    if (partitioning instanceof Partitioning.Hash hash && hash.numPartitions() > 1) {
      return PartitionIds.hash(BindReferences.bindAll(hash.expressions(), child.output()), hash.numPartitions());
    }
    if (partitioning instanceof Partitioning.Range range && range.numPartitions() > 1) {
      List<Expression> keys = BindReferences.bindAll(range.ordering().stream().map(SortOrder::child).toList(),
          child.output());
      RowComparator comparator = RowComparator.forKeys(range.ordering());
      return PartitionIds.range(keys, RangeBounds.compute(input, keys, comparator, range.numPartitions()),
          comparator);
    }
    return PartitionIds.single();
  }

  /** The batches of a shuffle's {@code (partition id, batch)} pairs (static, so no operator is captured). */
  public static Iterator<ColumnarBatch> values(Iterator<Tuple2<Integer, ColumnarBatch>> pairs) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return pairs.hasNext();
      }

      @Override
      public ColumnarBatch next() {
        return pairs.next()._2();
      }
    };
  }

  /**
   * The pieces of each input batch, one per target partition, produced lazily batch by batch: the batch itself
   * when it goes to one partition, otherwise each partition's rows encoded straight from the batch.
   */
  private static Iterator<Tuple2<Integer, Object>> split(Iterator<ColumnarBatch> batches, PartitionIds ids,
      int partitions) {
    return new Iterator<>() {
      private final java.util.ArrayDeque<Tuple2<Integer, Object>> pending = new java.util.ArrayDeque<>();
      private final BatchBytesWriter scratch = new BatchBytesWriter(64 * 1024);

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && batches.hasNext()) {
          pending.addAll(pieces(batches.next(), ids, partitions, scratch));
        }
        return !pending.isEmpty();
      }

      @Override
      public Tuple2<Integer, Object> next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }

  private static List<Tuple2<Integer, Object>> pieces(ColumnarBatch batch, PartitionIds ids, int partitions,
      BatchBytesWriter scratch) {
    if (partitions == 1) {
      return List.of(new Tuple2<>(0, (Object) batch));
    }
    int rows = batch.numRows();
    int[] target = ids.of(batch);
    int[] counts = new int[partitions];
    for (int i = 0; i < rows; i++) {
      counts[target[i]]++;
    }
    int[][] selections = new int[partitions][];
    for (int p = 0; p < partitions; p++) {
      selections[p] = new int[counts[p]];
      counts[p] = 0;
    }
    for (int i = 0; i < rows; i++) {
      int p = target[i];
      selections[p][counts[p]++] = i;
    }
    List<Tuple2<Integer, Object>> out = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      if (counts[p] == rows) {
        out.add(new Tuple2<>(p, batch));
      } else if (counts[p] > 0) {
        // Encoding the slice now reads each value once through the selection, instead of copying the rows into
        // new vectors that the shuffle would buffer and encode later; the buffered bytes are also smaller.
        scratch.reset();
        BatchSliceCodec.write(batch, selections[p], counts[p], scratch);
        out.add(new Tuple2<>(p, new EncodedBatch(Arrays.copyOf(scratch.array(), scratch.position()))));
      }
    }
    return out;
  }

  @Override
  public String simpleString() {
    if (partitioning instanceof Partitioning.Range range) {
      return "Exchange rangepartitioning(" + String.join(", ", range.ordering().stream()
          .map(ExplainStrings::expr).toList()) + ", " + range.numPartitions() + ")";
    }
    if (partitioning instanceof Partitioning.Hash hash) {
      StringBuilder sb = new StringBuilder("Exchange hashpartitioning(");
      for (Expression e : hash.expressions()) {
        sb.append(e instanceof AttributeReference a ? a.name() + "#" + a.exprId() : e.sql()).append(", ");
      }
      return sb.append(hash.numPartitions()).append(')').toString();
    }
    return "Exchange SinglePartition";
  }
}
