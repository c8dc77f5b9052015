package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberContext;
import dev.ember.OneToOneDependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The union of RDDs partitioned by one partitioner: partition {@code i} concatenates partition {@code i} of
 * every parent, so the result keeps the partitioner and a later operation by key needs no shuffle.
 */
final class PartitionerAwareUnionRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final List<RDD<T>> parents;
  private final Partitioner partitioner;

  PartitionerAwareUnionRDD(EmberContext context, List<RDD<T>> parents) {
    super(context, null);
    this.parents = List.copyOf(parents);
    this.partitioner = parents.get(0).partitioner().orElseThrow();
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    List<Dependency<?>> dependencies = new ArrayList<>();
    parents.forEach(parent -> dependencies.add(new OneToOneDependency<>(parent)));
    return dependencies;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(partitioner);
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] partitions = new Partition[partitioner.numPartitions()];
    for (int i = 0; i < partitions.length; i++) {
      Partition[] fromParents = new Partition[parents.size()];
      for (int p = 0; p < fromParents.length; p++) {
        fromParents[p] = parents.get(p).partitions()[i];
      }
      partitions[i] = new GroupPartition(i, fromParents);
    }
    return partitions;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    Partition[] fromParents = ((GroupPartition) split).parentPartitions();
    Iterator<Integer> parentIndexes = IntStream.range(0, fromParents.length).iterator();
    return Iterators.flatMap(parentIndexes, p -> parents.get(p).iterator(fromParents[p], context));
  }

  /** Partition {@code index} of each parent. */
  record GroupPartition(int index, Partition[] parentPartitions) implements Partition {}
}
