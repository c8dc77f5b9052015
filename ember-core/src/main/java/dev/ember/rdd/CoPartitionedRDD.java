package dev.ember.rdd;

import static java.util.Objects.requireNonNull;

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
import java.util.Optional;

/**
 * An RDD that reads several pair RDDs partitioned alike by its partitioner ({@link CoGroupedRDD},
 * {@link SubtractedRDD}): a parent already partitioned by that partitioner is read in place through a
 * one-to-one dependency; any other parent is shuffled to it. This is what makes joining co-partitioned RDDs
 * cheap. Subclasses only combine the parents' records of a partition, read with {@link #read}.
 *
 * @param <K> the key type of the parents
 * @param <T> the element type of this RDD
 */
abstract class CoPartitionedRDD<K, T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final List<RDD<? extends Tuple2<K, ?>>> parents;
  private final Partitioner partitioner;

  CoPartitionedRDD(List<? extends RDD<? extends Tuple2<K, ?>>> parents, Partitioner partitioner) {
    super(parents.get(0).context(), null);
    this.parents = List.copyOf(parents);
    this.partitioner = requireNonNull(partitioner, "partitioner is null");
  }

  /** A partition of a co-partitioned RDD, carrying the parent partition to read for each narrow parent. */
  record CoPartition(int index, Partition[] narrowParents) implements Partition {}

  /** The number of parents. */
  final int numParents() {
    return parents.size();
  }

  @Override
  public final Optional<Partitioner> partitioner() {
    return Optional.of(partitioner);
  }

  /** One dependency per parent: one-to-one if it is partitioned by the partitioner, else a shuffle. */
  @Override
  protected final List<Dependency<?>> getDependencies() {
    List<Dependency<?>> dependencies = new ArrayList<>(parents.size());
    for (RDD<? extends Tuple2<K, ?>> parent : parents) {
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

  /** One partition per partition of the partitioner. */
  @Override
  protected final Partition[] getPartitions() {
    List<Dependency<?>> dependencies = dependencies();
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
  final <V> Iterator<Tuple2<K, V>> read(int which, Partition split, TaskContext context) {
    Dependency<?> dependency = dependencies().get(which);
    if (dependency instanceof ShuffleDependency<?, ?, ?> shuffle) {
      ShuffleDependency<K, V, V> typed = (ShuffleDependency<K, V, V>) shuffle;
      return EmberEnv.get().shuffleManager().getReader(typed, split.index(), split.index() + 1, context).read();
    }
    RDD<Tuple2<K, V>> parent = (RDD<Tuple2<K, V>>) dependency.rdd();
    return parent.iterator(((CoPartition) split).narrowParents()[which], context);
  }
}
