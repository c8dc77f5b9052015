package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.NarrowDependency;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.Iterator;
import java.util.List;

/**
 * Every pair of an element of one RDD with an element of another, the RDD of {@code cartesian}: one partition
 * per pair of parent partitions. The second parent's partition is read again for each element of the first.
 */
final class CartesianRDD<T, U> extends RDD<Tuple2<T, U>> {

  private static final long serialVersionUID = 1L;
  private final RDD<T> first;
  private final RDD<U> second;
  private final int secondCount;

  CartesianRDD(RDD<T> first, RDD<U> second) {
    super(first.context(), null);
    this.first = first;
    this.second = second;
    this.secondCount = second.getNumPartitions();
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] firstPartitions = first.partitions();
    Partition[] secondPartitions = second.partitions();
    Partition[] partitions = new Partition[firstPartitions.length * secondPartitions.length];
    for (Partition a : firstPartitions) {
      for (Partition b : secondPartitions) {
        int index = a.index() * secondCount + b.index();
        partitions[index] = new CartesianPartition(index, a, b);
      }
    }
    return partitions;
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    int n = secondCount;
    return List.of(
        new NarrowDependency<T>(first) {
          private static final long serialVersionUID = 1L;

          @Override
          public List<Integer> getParents(int partitionId) {
            return List.of(partitionId / n);
          }
        },
        new NarrowDependency<U>(second) {
          private static final long serialVersionUID = 1L;

          @Override
          public List<Integer> getParents(int partitionId) {
            return List.of(partitionId % n);
          }
        });
  }

  @Override
  public Iterator<Tuple2<T, U>> compute(Partition split, TaskContext context) {
    CartesianPartition partition = (CartesianPartition) split;
    return Iterators.flatMap(first.iterator(partition.first(), context),
        x -> Iterators.map(second.iterator(partition.second(), context), y -> new Tuple2<>(x, y)));
  }

  /** Partition {@code first} of the first parent with partition {@code second} of the second. */
  record CartesianPartition(int index, Partition first, Partition second) implements Partition {}
}
