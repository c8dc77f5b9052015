package dev.ember.sql.execution.exchange;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.sort.RowComparator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Chooses the bounds of a range partitioning as Spark's RangePartitioner does: a job samples the sort keys of
 * every input partition (reservoir sampling, seeded by partition for repeatable plans), the driver sorts the
 * sample and takes evenly spaced keys as the bounds between output partitions.
 */
final class RangeBounds {

  /** Sampled keys per output partition and input partition, as in Spark (20, over-sampled by 3). */
  private static final int SAMPLES_PER_PARTITION = 60;

  private RangeBounds() {}

  static List<Object[]> compute(RDD<ColumnarBatch> input, List<Expression> keys, RowComparator comparator,
      int partitions) {
    int sampleSize = SAMPLES_PER_PARTITION * partitions;
    List<Object[]> sample = new ArrayList<>(input.mapPartitionsWithIndex(
        (index, batches) -> sample(index, batches, keys, sampleSize), false).collect());
    sample.sort(comparator);
    List<Object[]> bounds = new ArrayList<>();
    for (int p = 1; p < partitions && !sample.isEmpty(); p++) {
      Object[] bound = sample.get((int) ((long) p * sample.size() / partitions));
      if (bounds.isEmpty() || comparator.compare(bounds.get(bounds.size() - 1), bound) < 0) {
        bounds.add(bound);
      }
    }
    return bounds;
  }

  private static Iterator<Object[]> sample(int partition, Iterator<ColumnarBatch> batches, List<Expression> keys,
      int size) {
    Random random = new Random(partition);
    List<Object[]> reservoir = new ArrayList<>(size);
    long seen = 0;
    while (batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      ColumnVector[] columns = new ColumnVector[keys.size()];
      for (int k = 0; k < columns.length; k++) {
        columns[k] = VectorizedEvaluator.evaluate(keys.get(k), batch);
      }
      for (int i = 0; i < batch.numRows(); i++, seen++) {
        int slot = seen < size ? reservoir.size() : (int) (random.nextDouble() * (seen + 1));
        if (slot < size) {
          Object[] key = new Object[columns.length];
          for (int k = 0; k < columns.length; k++) {
            key[k] = SampledValues.shippable(columns[k].getBoxed(i));
          }
          if (slot == reservoir.size()) {
            reservoir.add(key);
          } else {
            reservoir.set(slot, key);
          }
        }
      }
    }
    return reservoir.iterator();
  }
}
