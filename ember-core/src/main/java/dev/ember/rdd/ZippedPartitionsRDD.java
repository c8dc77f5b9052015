package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberException;
import dev.ember.OneToOneDependency;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.api.function.FlatMapFunction2;
import java.util.Iterator;
import java.util.List;

/**
 * Partition {@code i} of two RDDs combined by one function, the RDD of {@code zipPartitions} and {@code zip}.
 * Both RDDs must have the same number of partitions.
 */
final class ZippedPartitionsRDD<A, B, V> extends RDD<V> {

  private static final long serialVersionUID = 1L;
  private final RDD<A> first;
  private final RDD<B> second;
  private final FlatMapFunction2<Iterator<A>, Iterator<B>, V> function;

  ZippedPartitionsRDD(RDD<A> first, RDD<B> second, FlatMapFunction2<Iterator<A>, Iterator<B>, V> function) {
    super(first.context(), null);
    int a = first.getNumPartitions();
    int b = second.getNumPartitions();
    if (a != b) {
      throw new EmberException("ZIP_PARTITION_COUNT_MISMATCH", "Can't zip RDDs with unequal numbers of "
          + "partitions: [" + a + ", " + b + "]. Repartition one of them to match the other first.");
    }
    this.first = first;
    this.second = second;
    this.function = function;
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    return List.of(new OneToOneDependency<>(first), new OneToOneDependency<>(second));
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] partitions = new Partition[first.getNumPartitions()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new ZippedPartition(i, first.partitions()[i], second.partitions()[i]);
    }
    return partitions;
  }

  @Override
  public Iterator<V> compute(Partition split, TaskContext context) {
    ZippedPartition partition = (ZippedPartition) split;
    try {
      return function.call(first.iterator(partition.first(), context), second.iterator(partition.second(), context));
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }

  /** Partition {@code index} of both parents. */
  record ZippedPartition(int index, Partition first, Partition second) implements Partition {}
}
