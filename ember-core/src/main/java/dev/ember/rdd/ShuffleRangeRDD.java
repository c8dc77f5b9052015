package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberEnv;
import dev.ember.Partition;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads an existing shuffle with each task reading a contiguous range of its reduce partitions, so several
 * tiny reduce partitions become one task (Spark's {@code ShuffledRowRDD} over {@code CoalescedPartitionSpec}s).
 * Partition {@code i} reads reduce partitions {@code [startIndices[i], startIndices[i + 1])}, the last one up to
 * the shuffle's partition count. Two such RDDs over shuffles with the same partitioner and the same start
 * indices stay co-partitioned, so a partition-wise join of them is still right.
 *
 * @param <K> the key type
 * @param <C> the value type read (the combined type when the dependency has an aggregator)
 */
public final class ShuffleRangeRDD<K, C> extends RDD<Tuple2<K, C>> {

  private static final long serialVersionUID = 1L;
  private final int[] startIndices;
  private final int numReducers;

  /**
   * @param dependency the shuffle to read (usually one whose map stage has already run)
   * @param startIndices the first reduce partition of each task, ascending, starting at 0
   */
  public ShuffleRangeRDD(ShuffleDependency<K, ?, C> dependency, int[] startIndices) {
    super(dependency.rdd().context(), List.<Dependency<?>>of(dependency));
    this.numReducers = dependency.partitioner().numPartitions();
    this.startIndices = Objects.requireNonNull(startIndices, "startIndices is null").clone();
    for (int i = 0; i < startIndices.length; i++) {
      int previous = i == 0 ? -1 : startIndices[i - 1];
      if (startIndices[i] <= previous || startIndices[i] >= numReducers || i == 0 && startIndices[0] != 0) {
        throw new IllegalArgumentException("start indices must ascend from 0 below " + numReducers + ": "
            + Arrays.toString(startIndices));
      }
    }
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] partitions = new Partition[startIndices.length];
    for (int i = 0; i < partitions.length; i++) {
      int end = i + 1 < startIndices.length ? startIndices[i + 1] : numReducers;
      partitions[i] = new RangePartition(i, startIndices[i], end);
    }
    return partitions;
  }

  @SuppressWarnings("unchecked")
  @Override
  public Iterator<Tuple2<K, C>> compute(Partition split, TaskContext context) {
    RangePartition range = (RangePartition) split;
    ShuffleDependency<K, ?, C> dependency = (ShuffleDependency<K, ?, C>) dependencies().get(0);
    return EmberEnv.get().shuffleManager().getReader(dependency, range.start(), range.end(), context).read();
  }

  /** Task {@code index} reads reduce partitions {@code [start, end)}. */
  record RangePartition(int index, int start, int end) implements Partition {}
}
