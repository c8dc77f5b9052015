package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.RangeDependency;
import dev.ember.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The partitions of several RDDs one after the other, the RDD of {@code union}: partition {@code i} is some
 * parent's partition, read without moving data. Duplicates are kept.
 */
public final class UnionRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final List<RDD<T>> parents;

  /** The union of {@code parents}, in order. */
  public UnionRDD(EmberContext context, List<RDD<T>> parents) {
    super(context, null);
    this.parents = List.copyOf(parents);
  }

  /**
   * The union of {@code rdds}: partitioner-aware (partition i of each, partitioner kept) when they all have the
   * same partitioner, else their partitions one after the other.
   */
  public static <T> RDD<T> of(EmberContext context, List<RDD<T>> rdds) {
    if (rdds.isEmpty()) {
      return context.emptyRDD();
    }
    Optional<Partitioner> first = rdds.get(0).partitioner();
    boolean samePartitioner = first.isPresent() && rdds.stream().allMatch(r -> r.partitioner().equals(first));
    return samePartitioner ? new PartitionerAwareUnionRDD<>(context, rdds) : new UnionRDD<>(context, rdds);
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    List<Dependency<?>> dependencies = new ArrayList<>();
    int position = 0;
    for (RDD<T> parent : parents) {
      int n = parent.getNumPartitions();
      dependencies.add(new RangeDependency<>(parent, 0, position, n));
      position += n;
    }
    return dependencies;
  }

  @Override
  protected Partition[] getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (int p = 0; p < parents.size(); p++) {
      for (Partition parentPartition : parents.get(p).partitions()) {
        partitions.add(new UnionPartition(partitions.size(), p, parentPartition));
      }
    }
    return partitions.toArray(new Partition[0]);
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    UnionPartition partition = (UnionPartition) split;
    return parents.get(partition.parentIndex()).iterator(partition.parentPartition(), context);
  }

  @Override
  protected List<String> getPreferredLocations(Partition split) {
    UnionPartition partition = (UnionPartition) split;
    return parents.get(partition.parentIndex()).preferredLocations(partition.parentPartition());
  }

  /** Partition {@code parentPartition} of parent number {@code parentIndex}. */
  record UnionPartition(int index, int parentIndex, Partition parentPartition) implements Partition {}
}
