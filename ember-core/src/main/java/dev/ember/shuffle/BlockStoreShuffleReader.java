package dev.ember.shuffle;

import dev.ember.Aggregator;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.rdd.UserFunctionException;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerInstance;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a reduce task's slices from every map output, in map order, then combines by key and sorts by key
 * as the shuffle dependency asks.
 */
final class BlockStoreShuffleReader<K, V, C> implements ShuffleReader<K, C> {

  private final ShuffleDependency<K, V, C> dependency;
  private final int startPartition;
  private final int endPartition;
  private final MapOutputTracker tracker;
  private final ShuffleBlockClient client;
  private final Serializer serializer;
  private final TaskContext context;

  BlockStoreShuffleReader(ShuffleDependency<K, V, C> dependency, int startPartition, int endPartition,
      MapOutputTracker tracker, ShuffleBlockClient client, Serializer serializer, TaskContext context) {
    this.dependency = dependency;
    this.startPartition = startPartition;
    this.endPartition = endPartition;
    this.tracker = tracker;
    this.client = client;
    this.serializer = serializer;
    this.context = context;
  }

  @SuppressWarnings("unchecked")
  @Override
  public Iterator<Tuple2<K, C>> read() {
    List<MapOutputLocation> blocks =
        tracker.getMapSizesByRange(dependency.shuffleId(), startPartition, endPartition);
    List<Tuple2<Object, Object>> records = new ArrayList<>();
    SerializerInstance instance = serializer.newInstance();
    for (MapOutputLocation block : blocks) {
      try (InputStream in = new BufferedInputStream(client.openBlock(block.location(), block.blockId()))) {
        instance.deserializeStream(in).<Object, Object>asKeyValueIterator().forEachRemaining(records::add);
      } catch (IOException | UncheckedIOException | SerializationFailedException e) {
        throw new FetchFailedException(block.location(), dependency.shuffleId(), block.blockId().mapId(),
            block.mapIndex(), block.blockId().reduceId(),
            "Could not read shuffle block " + block.blockId().name() + " from " + block.location() + ": " + e, e);
      }
    }
    List<Tuple2<K, C>> output;
    if (dependency.aggregator().isPresent()) {
      output = combine(records, dependency.aggregator().get());
    } else {
      output = new ArrayList<>(records.size());
      for (Tuple2<Object, Object> record : records) {
        output.add((Tuple2<K, C>) (Tuple2<?, ?>) record);
      }
    }
    if (dependency.keyOrdering().isPresent()) {
      Comparator<? super K> ordering = dependency.keyOrdering().get();
      output.sort((a, b) -> ordering.compare(a._1(), b._1()));
    }
    return output.iterator();
  }

  @SuppressWarnings("unchecked")
  private List<Tuple2<K, C>> combine(List<Tuple2<Object, Object>> records, Aggregator<K, V, C> aggregator) {
    Map<K, C> combined = new HashMap<>();
    try {
      for (Tuple2<Object, Object> record : records) {
        K key = (K) record._1();
        boolean seen = combined.containsKey(key);
        C next;
        if (dependency.mapSideCombine()) {
          next = seen ? aggregator.mergeCombiners().call(combined.get(key), (C) record._2()) : (C) record._2();
        } else {
          next = seen ? aggregator.mergeValue().call(combined.get(key), (V) record._2())
              : aggregator.createCombiner().call((V) record._2());
        }
        combined.put(key, next);
      }
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
    List<Tuple2<K, C>> output = new ArrayList<>(combined.size());
    combined.forEach((k, c) -> output.add(new Tuple2<>(k, c)));
    return output;
  }
}
