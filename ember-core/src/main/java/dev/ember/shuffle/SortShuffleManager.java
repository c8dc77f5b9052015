package dev.ember.shuffle;

import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.serializer.Serializer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sort-based shuffle: each map task writes one data file and one index file; reduce tasks fetch their slices
 * through a {@link ShuffleBlockClient}.
 */
public final class SortShuffleManager implements ShuffleManager {

  private final IndexShuffleBlockResolver resolver;
  private final Serializer defaultSerializer;
  private final Supplier<MapOutputTracker> tracker;
  private final ShuffleBlockClient blockClient;
  private final Map<Integer, Set<Long>> mapIdsByShuffle = new ConcurrentHashMap<>();

  /**
   * @param tracker where reduce tasks look up map output locations
   * @param blockClient how reduce tasks open slices of map output
   */
  public SortShuffleManager(IndexShuffleBlockResolver resolver, Serializer defaultSerializer,
      Supplier<MapOutputTracker> tracker, ShuffleBlockClient blockClient) {
    this.resolver = resolver;
    this.defaultSerializer = defaultSerializer;
    this.tracker = tracker;
    this.blockClient = blockClient;
  }

  /** Where this manager keeps its files. */
  public IndexShuffleBlockResolver resolver() {
    return resolver;
  }

  @Override
  public <K, V, C> ShuffleWriter<K, V> getWriter(ShuffleDependency<K, V, C> dependency, long mapId,
      TaskContext context) {
    mapIdsByShuffle.computeIfAbsent(dependency.shuffleId(), id -> ConcurrentHashMap.newKeySet()).add(mapId);
    return new SortShuffleWriter<>(dependency, mapId, resolver, serializerOf(dependency), context);
  }

  @Override
  public <K, V, C> ShuffleReader<K, C> getReader(ShuffleDependency<K, V, C> dependency, int startPartition,
      int endPartition, TaskContext context) {
    return new BlockStoreShuffleReader<>(dependency, startPartition, endPartition, tracker.get(), blockClient,
        serializerOf(dependency), context);
  }

  @Override
  public void unregisterShuffle(int shuffleId) {
    Set<Long> mapIds = mapIdsByShuffle.remove(shuffleId);
    if (mapIds != null) {
      for (long mapId : mapIds) {
        resolver.removeDataByMap(shuffleId, mapId);
      }
    }
  }

  @Override
  public void stop() {
    for (Integer shuffleId : Set.copyOf(mapIdsByShuffle.keySet())) {
      unregisterShuffle(shuffleId);
    }
  }

  private Serializer serializerOf(ShuffleDependency<?, ?, ?> dependency) {
    return dependency.serializer().orElse(defaultSerializer);
  }
}
