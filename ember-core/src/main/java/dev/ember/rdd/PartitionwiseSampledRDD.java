package dev.ember.rdd;

import dev.ember.Partition;
import dev.ember.TaskContext;
import java.util.Iterator;
import java.util.Random;

/**
 * A random sample of each partition of its parent, the RDD of {@code sample} and {@code randomSplit}. Partition
 * {@code i} draws from a generator seeded with {@code seed + i}, so a seed gives the same sample every time.
 */
final class PartitionwiseSampledRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final RDD<T> parent;
  private final RandomSampler<T> sampler;
  private final long seed;

  PartitionwiseSampledRDD(RDD<T> parent, RandomSampler<T> sampler, long seed) {
    super(parent);
    this.parent = parent;
    this.sampler = sampler;
    this.seed = seed;
  }

  @Override
  protected Partition[] getPartitions() {
    return parent.partitions();
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    return sampler.sample(parent.iterator(split, context), new Random(seed + split.index()));
  }
}
