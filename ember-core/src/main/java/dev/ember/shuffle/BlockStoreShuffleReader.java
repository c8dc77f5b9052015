package dev.ember.shuffle;

import dev.ember.Aggregator;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.util.collection.ExternalAppendOnlyMap;
import dev.ember.util.collection.ExternalSorter;
import dev.ember.util.collection.SpillEnv;
import java.util.Iterator;

/**
 * Reads a reduce task's slices from every map output, streaming them block by block, then combines by key
 * (in an {@link ExternalAppendOnlyMap}) and sorts by key (in an {@link ExternalSorter}) as the shuffle
 * dependency asks; both spill when memory is short.
 */
final class BlockStoreShuffleReader<K, V, C> implements ShuffleReader<K, C> {

  private final ShuffleDependency<K, V, C> dependency;
  private final int startPartition;
  private final int endPartition;
  private final MapOutputTracker tracker;
  private final ShuffleBlockClient client;
  private final SpillEnv env;

  BlockStoreShuffleReader(ShuffleDependency<K, V, C> dependency, int startPartition, int endPartition,
      MapOutputTracker tracker, ShuffleBlockClient client, SpillEnv env) {
    this.dependency = dependency;
    this.startPartition = startPartition;
    this.endPartition = endPartition;
    this.tracker = tracker;
    this.client = client;
    this.env = env;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public Iterator<Tuple2<K, C>> read() {
    Iterator<Tuple2<Object, Object>> fetched = new ShuffleBlockFetchIterator(
        tracker.getMapSizesByRange(dependency.shuffleId(), startPartition, endPartition), client,
        env.serializerManager(), env.serializer().newInstance(), env.context(), dependency.shuffleId());
    Iterator<Tuple2<K, C>> records;
    if (dependency.aggregator().isPresent()) {
      Aggregator<K, V, C> aggregator = dependency.aggregator().get();
      ExternalAppendOnlyMap map = dependency.mapSideCombine()
          ? new ExternalAppendOnlyMap<K, C, C>(env, c -> c, aggregator.mergeCombiners(),
              aggregator.mergeCombiners())
          : new ExternalAppendOnlyMap<>(env, aggregator.createCombiner(), aggregator.mergeValue(),
              aggregator.mergeCombiners());
      map.insertAll(interruptible(fetched, env.context()));
      records = map.iterator();
    } else {
      records = (Iterator<Tuple2<K, C>>) (Iterator) fetched;
    }
    if (dependency.keyOrdering().isPresent()) {
      ExternalSorter<K, C, C> sorter = new ExternalSorter<>(env, null, null, dependency.keyOrdering().get());
      sorter.insertAll(interruptible(records, env.context()));
      records = sorter.iterator();
    }
    return interruptible(records, env.context());
  }

  /** Stops a cancelled task at its next record. */
  private static <T> Iterator<T> interruptible(Iterator<T> records, TaskContext context) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        context.killTaskIfInterrupted();
        return records.hasNext();
      }

      @Override
      public T next() {
        return records.next();
      }
    };
  }
}
