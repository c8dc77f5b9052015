package dev.ember.sql.execution.exchange;

import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import dev.ember.rdd.ShuffledRDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code repartition(n)}: deals the rows out to {@code n} partitions in turn through a core shuffle, each
 * input partition starting at its own offset (its index), so partitions come out even in size, as with
 * Spark's RoundRobinPartitioning.
 */
public final class RoundRobinExchangeExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final int numPartitions;
  private final PhysicalPlan child;

  /** An exchange of {@code child} into {@code numPartitions} partitions. */
  public RoundRobinExchangeExec(int numPartitions, PhysicalPlan child) {
    this.numPartitions = numPartitions;
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new RoundRobinExchangeExec(numPartitions, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return numPartitions == 1 ? new Partitioning.Single() : new Partitioning.Unknown(numPartitions);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    int n = numPartitions;
    RDD<Tuple2<Integer, ColumnarBatch>> pieces = child.execute(context)
        .mapPartitionsWithIndex((index, batches) -> deal(batches, index, n), false);
    ShuffledRDD<Integer, ColumnarBatch, ColumnarBatch> shuffled = new ShuffledRDD<>(pieces, new HashPartitioner(n));
    shuffled.setSerializer(ColumnarBatchSerializer.INSTANCE);
    return shuffled.mapPartitions(RoundRobinExchangeExec::values);
  }

  // Static, so the functions shipped to tasks capture no operator. Lazy: one input batch at a time.
  private static Iterator<Tuple2<Integer, ColumnarBatch>> deal(Iterator<ColumnarBatch> batches, int start, int n) {
    return new Iterator<>() {
      private final ArrayDeque<Tuple2<Integer, ColumnarBatch>> pending = new ArrayDeque<>();
      private int next = start % n;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          int rows = batch.numRows();
          int[][] selections = new int[n][rows / n + 1];
          int[] counts = new int[n];
          for (int i = 0; i < rows; i++) {
            selections[next][counts[next]++] = i;
            next = (next + 1) % n;
          }
          for (int p = 0; p < n; p++) {
            if (counts[p] > 0) {
              pending.add(new Tuple2<>(p, batch.gather(selections[p], counts[p])));
            }
          }
        }
        return !pending.isEmpty();
      }

      @Override
      public Tuple2<Integer, ColumnarBatch> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }

  private static Iterator<ColumnarBatch> values(Iterator<Tuple2<Integer, ColumnarBatch>> pairs) {
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

  @Override
  public String simpleString() {
    return "Exchange RoundRobinPartitioning(" + numPartitions + ")";
  }
}
