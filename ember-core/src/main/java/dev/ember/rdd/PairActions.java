package dev.ember.rdd;

import dev.ember.Partitioner;
import dev.ember.Tuple2;
import dev.ember.api.function.Function2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The pair-RDD actions that bring per-key results to the driver: lookup and the local reductions. */
final class PairActions {

  private PairActions() {}

  /**
   * The values of {@code key}. With a known partitioner only the key's partition is computed; otherwise every
   * partition is scanned.
   */
  static <K, V> List<V> lookup(RDD<Tuple2<K, V>> rdd, K key) {
    Optional<Partitioner> partitioner = rdd.partitioner();
    if (partitioner.isPresent()) {
      int index = partitioner.get().getPartition(key);
      List<ArrayList<V>> found = rdd.context().runJob(rdd, (context, records) -> valuesOf(records, key),
          new int[] {index});
      return found.get(0);
    }
    List<V> all = new ArrayList<>();
    rdd.context().runJob(rdd, (context, records) -> valuesOf(records, key)).forEach(all::addAll);
    return all;
  }

  private static <K, V> ArrayList<V> valuesOf(Iterator<Tuple2<K, V>> records, K key) {
    ArrayList<V> values = new ArrayList<>();
    while (records.hasNext()) {
      Tuple2<K, V> pair = records.next();
      if (Objects.equals(pair._1(), key)) {
        values.add(pair._2());
      }
    }
    return values;
  }

  /**
   * Merges the values of each key with {@code f}, first within each partition on the executors, then across
   * partitions on the driver, returning the result as a map rather than an RDD.
   */
  static <K, V> Map<K, V> reduceByKeyLocally(RDD<Tuple2<K, V>> rdd, Function2<V, V, V> f) {
    Function2<V, V, V> clean = rdd.context().clean(f);
    List<HashMap<K, V>> partials = rdd.context().runJob(rdd, (context, records) -> {
      HashMap<K, V> partial = new HashMap<>();
      while (records.hasNext()) {
        Tuple2<K, V> pair = records.next();
        merge(partial, pair._1(), pair._2(), clean);
      }
      return partial;
    });
    HashMap<K, V> result = new HashMap<>();
    for (HashMap<K, V> partial : partials) {
      for (Map.Entry<K, V> entry : partial.entrySet()) {
        merge(result, entry.getKey(), entry.getValue(), clean);
      }
    }
    return result;
  }

  private static <K, V> void merge(Map<K, V> map, K key, V value, Function2<V, V, V> f) {
    try {
      map.put(key, map.containsKey(key) ? f.call(map.get(key), value) : value);
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }
}
