package dev.ember.rdd;

import dev.ember.Aggregator;
import dev.ember.Dependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.EmberEnv;
import dev.ember.serializer.Serializer;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The result of a shuffle: its parent's pairs redistributed by a partitioner, optionally combined by key
 * and sorted by key. The RDD behind reduceByKey, groupByKey, partitionBy, sortByKey and joins.
 *
 * @param <K> the key type
 * @param <V> the parent's value type
 * @param <C> the output value type (the combiner type when an aggregator is set, else {@code V})
 */
public final class ShuffledRDD<K, V, C> extends RDD<Tuple2<K, C>> {

  private static final long serialVersionUID = 1L;
  /** Only for the driver's {@link #getDependencies}: tasks read the shuffle, never the parent. */
  private transient RDD<Tuple2<K, V>> parent;
  private final Partitioner partitioner;
  private Serializer serializer;
  private Comparator<? super K> keyOrdering;
  private Aggregator<K, V, C> aggregator;
  private boolean mapSideCombine;

  public ShuffledRDD(RDD<Tuple2<K, V>> parent, Partitioner partitioner) {
    super(parent.context(), null);
    this.parent = parent;
    this.partitioner = partitioner;
  }

  /** Uses {@code dataSerializer} for this shuffle instead of the default. */
  public ShuffledRDD<K, V, C> setSerializer(Serializer dataSerializer) {
    this.serializer = dataSerializer;
    return this;
  }

  /** Sorts each output partition by key with {@code ordering}. */
  public ShuffledRDD<K, V, C> setKeyOrdering(Comparator<? super K> ordering) {
    this.keyOrdering = ordering;
    return this;
  }

  /** Combines values by key with {@code combiner}. */
  public ShuffledRDD<K, V, C> setAggregator(Aggregator<K, V, C> combiner) {
    this.aggregator = combiner;
    return this;
  }

  /** Whether to combine on the map side too, sending less data. */
  public ShuffledRDD<K, V, C> setMapSideCombine(boolean combine) {
    this.mapSideCombine = combine;
    return this;
  }

  /** Settles the shuffle dependency before the RDD leaves the driver, which alone holds the parent. */
  private Object writeReplace() {
    dependencies();
    return this;
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    return List.of(new ShuffleDependency<>(parent, partitioner, serializer, keyOrdering, aggregator,
        mapSideCombine));
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(partitioner);
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] partitions = new Partition[partitioner.numPartitions()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new ShuffledPartition(i);
    }
    return partitions;
  }

  @SuppressWarnings("unchecked")
  @Override
  public Iterator<Tuple2<K, C>> compute(Partition split, TaskContext context) {
    ShuffleDependency<K, V, C> dependency = (ShuffleDependency<K, V, C>) dependencies().get(0);
    return EmberEnv.get().shuffleManager().getReader(dependency, split.index(), split.index() + 1, context).read();
  }

  /** A reduce partition of the shuffle. */
  record ShuffledPartition(int index) implements Partition {}

  @Override
  protected void clearDependencies() {
    parent = null;
  }
}
