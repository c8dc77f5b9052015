package dev.ember.rdd;

import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.Iterator;
import java.util.List;

/**
 * Each element paired with its position in the RDD, the RDD of {@code zipWithIndex}. Positions follow
 * partition order, then order within a partition, so creating this RDD runs a job that counts the elements of
 * every partition but the last, as Spark does.
 */
final class ZippedWithIndexRDD<T> extends RDD<Tuple2<T, Long>> {

  private static final long serialVersionUID = 1L;
  private final RDD<T> parent;
  private final long[] startIndexes;

  ZippedWithIndexRDD(RDD<T> parent) {
    super(parent);
    this.parent = parent;
    this.startIndexes = startIndexes(parent);
  }

  private static long[] startIndexes(RDD<?> parent) {
    int n = parent.getNumPartitions();
    long[] starts = new long[n];
    if (n > 1) {
      int[] counted = new int[n - 1];
      java.util.Arrays.setAll(counted, i -> i);
      List<Long> counts = parent.context().runJob(parent, (tc, it) -> {
        long count = 0;
        while (it.hasNext()) {
          it.next();
          count++;
        }
        return count;
      }, counted);
      for (int i = 1; i < n; i++) {
        starts[i] = starts[i - 1] + counts.get(i - 1);
      }
    }
    return starts;
  }

  @Override
  protected Partition[] getPartitions() {
    return parent.partitions();
  }

  @Override
  public Iterator<Tuple2<T, Long>> compute(Partition split, TaskContext context) {
    long start = startIndexes[split.index()];
    Iterator<T> input = parent.iterator(split, context);
    return new Iterator<>() {
      private long next = start;

      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public Tuple2<T, Long> next() {
        return new Tuple2<>(input.next(), next++);
      }
    };
  }
}
