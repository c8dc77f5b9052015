package dev.ember.shuffle;

import dev.ember.EmberConf;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.scheduler.TaskContextImpl;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerManager;
import dev.ember.util.collection.SpillEnv;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sort-based shuffle: each map task sorts its records by reduce partition (spilling when memory is short) and
 * writes one data file, each partition's segment an independently compressed stream, and one index file;
 * reduce tasks fetch their segments through a {@link ShuffleBlockClient} and combine or sort them with
 * structures that also spill.
 */
public final class SortShuffleManager implements ShuffleManager {

  private final IndexShuffleBlockResolver resolver;
  private final Serializer defaultSerializer;
  private final Supplier<MapOutputTracker> tracker;
  private final ShuffleBlockClient blockClient;
  private final SerializerManager serializerManager;
  private final long forceSpillThreshold;
  private final Map<Integer, Set<Long>> mapIdsByShuffle = new ConcurrentHashMap<>();

  /**
   * @param tracker where reduce tasks look up map output locations
   * @param blockClient how reduce tasks open slices of map output
   * @param conf compression ({@code spark.shuffle.compress}, {@code spark.io.compression.codec}) and spill
   *     settings
   */
  public SortShuffleManager(IndexShuffleBlockResolver resolver, Serializer defaultSerializer,
      Supplier<MapOutputTracker> tracker, ShuffleBlockClient blockClient, EmberConf conf) {
    this.resolver = resolver;
    this.defaultSerializer = defaultSerializer;
    this.tracker = tracker;
    this.blockClient = blockClient;
    this.serializerManager = new SerializerManager(conf);
    this.forceSpillThreshold = SpillEnv.forceSpillThreshold(conf);
  }

  /** How shuffle and spill streams are compressed. */
  public SerializerManager serializerManager() {
    return serializerManager;
  }

  /** Where this manager keeps its files. */
  public IndexShuffleBlockResolver resolver() {
    return resolver;
  }

  @Override
  public <K, V, C> ShuffleWriter<K, V> getWriter(ShuffleDependency<K, V, C> dependency, long mapId,
      TaskContext context) {
    mapIdsByShuffle.computeIfAbsent(dependency.shuffleId(), id -> ConcurrentHashMap.newKeySet()).add(mapId);
    return new SortShuffleWriter<>(dependency, mapId, resolver, spillEnv(dependency, context), context);
  }

  @Override
  public <K, V, C> ShuffleReader<K, C> getReader(ShuffleDependency<K, V, C> dependency, int startPartition,
      int endPartition, TaskContext context) {
    return new BlockStoreShuffleReader<>(dependency, startPartition, endPartition, tracker.get(), blockClient,
        spillEnv(dependency, context));
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

  private SpillEnv spillEnv(ShuffleDependency<?, ?, ?> dependency, TaskContext context) {
    if (!(context instanceof TaskContextImpl task)) {
      throw new IllegalStateException("Shuffle readers and writers run inside tasks, but got " + context);
    }
    return new SpillEnv(context, task.taskMemoryManager(), resolver.diskBlockManager(), serializerOf(dependency),
        serializerManager, forceSpillThreshold);
  }

  private Serializer serializerOf(ShuffleDependency<?, ?, ?> dependency) {
    return dependency.serializer().orElse(defaultSerializer);
  }
}
