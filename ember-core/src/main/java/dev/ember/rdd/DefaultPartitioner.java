package dev.ember.rdd;

import dev.ember.HashPartitioner;
import dev.ember.Partitioner;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's choice of partitioner for an operation over several RDDs given none: the partitioner of the parent
 * with the most partitions, if one has a partitioner and it is not far (an order of magnitude) smaller than the
 * largest parent; otherwise hash partitioning into {@code ember.default.parallelism} partitions if set, else
 * as many partitions as the largest parent.
 */
final class DefaultPartitioner {

  private DefaultPartitioner() {}

  static Partitioner of(RDD<?> first, List<? extends RDD<?>> others) {
    RDD<?> withMaxPartitioner = null;
    int maxPartitions = first.getNumPartitions();
    for (RDD<?> rdd : concat(first, others)) {
      maxPartitions = Math.max(maxPartitions, rdd.getNumPartitions());
      boolean partitioned = rdd.partitioner().isPresent() && rdd.partitioner().get().numPartitions() > 0;
      if (partitioned && (withMaxPartitioner == null
          || rdd.getNumPartitions() > withMaxPartitioner.getNumPartitions())) {
        withMaxPartitioner = rdd;
      }
    }
    int defaultPartitions = first.context().getConf().contains("ember.default.parallelism")
        ? first.context().defaultParallelism() : maxPartitions;
    if (withMaxPartitioner != null) {
      Partitioner existing = withMaxPartitioner.partitioner().get();
      boolean eligible = Math.log10(maxPartitions) - Math.log10(existing.numPartitions()) < 1;
      if (eligible || defaultPartitions <= existing.numPartitions()) {
        return existing;
      }
    }
    return new HashPartitioner(defaultPartitions);
  }

  private static List<RDD<?>> concat(RDD<?> first, List<? extends RDD<?>> others) {
    List<RDD<?>> all = new ArrayList<>(others.size() + 1);
    all.add(first);
    all.addAll(others);
    return all;
  }
}
