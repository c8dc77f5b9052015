package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberEnv;
import dev.ember.OneToOneDependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The inputs of an RDD that reads several pair RDDs partitioned alike ({@link CoGroupedRDD},
 * {@link SubtractedRDD}): a parent already partitioned by the target partitioner is read in place through a
 * one-to-one dependency; any other parent is shuffled to it. This is what makes joining co-partitioned RDDs
 * cheap.
 */
final class CoPartitionedInputs {

  private CoPartitionedInputs() {}

  /** A partition of a co-partitioned RDD, carrying the parent partition to read for each narrow parent. */
  record CoPartition(int index, Partition[] narrowParents) implements Partition {}

  /** One dependency per parent: one-to-one if it is partitioned by {@code partitioner}, else a shuffle. */
  static List<Dependency<?>> dependencies(List<? extends RDD<? extends Tuple2<?, ?>>> parents,
      Partitioner partitioner) {
    List<Dependency<?>> dependencies = new ArrayList<>(parents.size());
    for (RDD<? extends Tuple2<?, ?>> parent : parents) {
      if (parent.partitioner().isPresent() && parent.partitioner().get().equals(partitioner)) {
        dependencies.add(new OneToOneDependency<>(parent));
      } else {
        dependencies.add(shuffle(parent, partitioner));
      }
    }
    return dependencies;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> ShuffleDependency<K, V, V> shuffle(RDD<? extends Tuple2<?, ?>> parent,
      Partitioner partitioner) {
    return new ShuffleDependency<>((RDD<Tuple2<K, V>>) parent, partitioner, null, null, null, false);
  }

  /** The partitions of the child: one per partition of {@code partitioner}. */
  static Partition[] partitions(List<Dependency<?>> dependencies, Partitioner partitioner) {
    Partition[] partitions = new Partition[partitioner.numPartitions()];
    for (int i = 0; i < partitions.length; i++) {
      Partition[] narrow = new Partition[dependencies.size()];
      for (int d = 0; d < narrow.length; d++) {
        if (dependencies.get(d) instanceof OneToOneDependency<?> oneToOne) {
          narrow[d] = oneToOne.rdd().partitions()[i];
        }
      }
      partitions[i] = new CoPartition(i, narrow);
    }
    return partitions;
  }

  /** The records of parent {@code which} that belong to {@code split}: read in place, or fetched. */
  @SuppressWarnings("unchecked")
  static <K, V> Iterator<Tuple2<K, V>> read(List<Dependency<?>> dependencies, int which, Partition split,
      TaskContext context) {
    Dependency<?> dependency = dependencies.get(which);
    if (dependency instanceof ShuffleDependency<?, ?, ?> shuffle) {
      ShuffleDependency<K, V, V> typed = (ShuffleDependency<K, V, V>) shuffle;
      return EmberEnv.get().shuffleManager().getReader(typed, split.index(), split.index() + 1, context).read();
    }
    RDD<Tuple2<K, V>> parent = (RDD<Tuple2<K, V>>) dependency.rdd();
    return parent.iterator(((CoPartition) split).narrowParents()[which], context);
  }
}
