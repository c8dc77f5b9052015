package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.OneToOneDependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.RangeDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The union of pair RDDs, keeping duplicates, as {@code PairRDD.union} returns it. When every parent has the
 * same partitioner the union keeps it (partition {@code i} concatenates each parent's partition {@code i}, as
 * Spark's PartitionerAwareUnionRDD does), so a following join or reduceByKey needs no shuffle; otherwise its
 * partitions are the parents' partitions one after the other.
 */
final class PairUnionRDD<K, V> extends RDD<Tuple2<K, V>> {

  private static final long serialVersionUID = 1L;
  private final List<RDD<Tuple2<K, V>>> parents;
  private final Partitioner commonPartitioner;

  PairUnionRDD(List<RDD<Tuple2<K, V>>> parents) {
    super(parents.get(0).context(), null);
    this.parents = List.copyOf(parents);
    this.commonPartitioner = commonPartitioner(this.parents);
  }

  private static Partitioner commonPartitioner(List<? extends RDD<?>> parents) {
    Optional<Partitioner> first = parents.get(0).partitioner();
    for (RDD<?> parent : parents) {
      if (parent.partitioner().isEmpty() || !parent.partitioner().equals(first)) {
        return null;
      }
    }
    return first.get();
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.ofNullable(commonPartitioner);
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    List<Dependency<?>> dependencies = new ArrayList<>(parents.size());
    int offset = 0;
    for (RDD<Tuple2<K, V>> parent : parents) {
      if (commonPartitioner != null) {
        dependencies.add(new OneToOneDependency<>(parent));
      } else {
        dependencies.add(new RangeDependency<>(parent, 0, offset, parent.getNumPartitions()));
        offset += parent.getNumPartitions();
      }
    }
    return dependencies;
  }

  @Override
  protected Partition[] getPartitions() {
    if (commonPartitioner != null) {
      return CoPartitionedInputs.partitions(dependencies(), commonPartitioner);
    }
    List<Partition> partitions = new ArrayList<>();
    for (int which = 0; which < parents.size(); which++) {
      for (Partition parentSplit : parents.get(which).partitions()) {
        partitions.add(new UnionPartition(partitions.size(), which, parentSplit));
      }
    }
    return partitions.toArray(new Partition[0]);
  }

  @Override
  public Iterator<Tuple2<K, V>> compute(Partition split, TaskContext context) {
    if (split instanceof UnionPartition union) {
      return parents.get(union.parent()).iterator(union.parentSplit(), context);
    }
    Partition[] parentSplits = ((CoPartitionedInputs.CoPartition) split).narrowParents();
    List<Iterator<Tuple2<K, V>>> parts = new ArrayList<>(parentSplits.length);
    for (int which = 0; which < parentSplits.length; which++) {
      parts.add(parents.get(which).iterator(parentSplits[which], context));
    }
    return concat(parts);
  }

  private static <T> Iterator<T> concat(List<Iterator<T>> parts) {
    return new Iterator<>() {
      private int current;

      @Override
      public boolean hasNext() {
        while (current < parts.size() && !parts.get(current).hasNext()) {
          current++;
        }
        return current < parts.size();
      }

      @Override
      public T next() {
        return hasNext() ? parts.get(current).next() : Collections.<T>emptyIterator().next();
      }
    };
  }

  /** A partition of the plain union: partition {@code parentSplit} of parent {@code parent}. */
  record UnionPartition(int index, int parent, Partition parentSplit) implements Partition {}
}
