package dev.ember.rdd;

import dev.ember.Aggregator;
import dev.ember.HashPartitioner;
import dev.ember.Partitioner;
import dev.ember.Tuple2;
import dev.ember.api.function.Function;
import dev.ember.api.function.Function2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A view of an RDD of key-value pairs with Spark's pair operations: aggregation by key, joins, grouping and
 * partitioning. Get one with {@link RDD#mapToPair} or {@link #fromRDD}.
 *
 * <pre>{@code
 * PairRDD<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 */
public class PairRDD<K, V> {

  private final RDD<Tuple2<K, V>> rdd;

  public PairRDD(RDD<Tuple2<K, V>> rdd) {
    this.rdd = rdd;
  }

  /** Views an RDD of pairs as a pair RDD. */
  public static <K, V> PairRDD<K, V> fromRDD(RDD<Tuple2<K, V>> rdd) {
    return new PairRDD<>(rdd);
  }

  /** The underlying RDD of pairs. */
  public RDD<Tuple2<K, V>> rdd() {
    return rdd;
  }

  /** The partitioner of the underlying RDD, if known. */
  public Optional<Partitioner> partitioner() {
    return rdd.partitioner();
  }

  public int getNumPartitions() {
    return rdd.getNumPartitions();
  }

  /**
   * Combines the values of each key with the three functions of an {@link Aggregator}, redistributing by
   * {@code partitioner}. Combines on the map side first when {@code mapSideCombine}.
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner, boolean mapSideCombine) {
    Aggregator<K, V, C> aggregator = new Aggregator<>(rdd.context().clean(createCombiner),
        rdd.context().clean(mergeValue), rdd.context().clean(mergeCombiners));
    if (rdd.partitioner().isPresent() && rdd.partitioner().get().equals(partitioner)) {
      return new PairRDD<>(rdd.mapPartitions(it -> new CombiningIterator<>(it, aggregator).iterator(), true));
    }
    ShuffledRDD<K, V, C> shuffled = new ShuffledRDD<K, V, C>(rdd, partitioner)
        .setAggregator(aggregator).setMapSideCombine(mapSideCombine);
    return new PairRDD<>(shuffled);
  }

  /** Combines values by key into {@code numPartitions} partitions. */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, int numPartitions) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions), true);
  }

  /** Combines values by key with the default partitioner. */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, defaultPartitioner(), true);
  }

  /** Merges the values of each key with the associative, commutative {@code f}. */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
    return reduceByKey(defaultPartitioner(), f);
  }

  /** Merges the values of each key into {@code numPartitions} partitions. */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    return reduceByKey(new HashPartitioner(numPartitions), f);
  }

  /** Merges the values of each key, partitioned by {@code partitioner}. */
  public PairRDD<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
    return combineByKey(v -> v, f, f, partitioner, true);
  }

  /** Groups the values of each key into one list; prefer reduceByKey or aggregateByKey when they fit. */
  public PairRDD<K, Iterable<V>> groupByKey() {
    return groupByKey(defaultPartitioner());
  }

  /** Groups the values of each key into {@code numPartitions} partitions. */
  public PairRDD<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(new HashPartitioner(numPartitions));
  }

  /** Groups the values of each key, partitioned by {@code partitioner}. No map-side combine: it saves nothing. */
  public PairRDD<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    PairRDD<K, ArrayList<V>> grouped = combineByKey(
        v -> {
          ArrayList<V> list = new ArrayList<>();
          list.add(v);
          return list;
        },
        (list, v) -> {
          list.add(v);
          return list;
        },
        (a, b) -> {
          a.addAll(b);
          return a;
        }, partitioner, false);
    return grouped.mapValues(list -> (Iterable<V>) list);
  }

  /** Redistributes the pairs by {@code partitioner}; a no-op when already partitioned that way. */
  public PairRDD<K, V> partitionBy(Partitioner partitioner) {
    if (rdd.partitioner().isPresent() && rdd.partitioner().get().equals(partitioner)) {
      return this;
    }
    return new PairRDD<>(new ShuffledRDD<K, V, V>(rdd, partitioner));
  }

  /** Applies {@code f} to each value, keeping keys and partitioning. */
  public <U> PairRDD<K, U> mapValues(Function<V, U> f) {
    Function<V, U> clean = rdd.context().clean(f);
    RDD<Tuple2<K, U>> mapped = new MapPartitionsRDD<Tuple2<K, U>, Tuple2<K, V>>(rdd,
        (tc, index, it) -> Iterators.map(it, pair -> new Tuple2<>(pair._1(), clean.call(pair._2()))), true);
    return new PairRDD<>(mapped);
  }

  /** The keys. */
  public RDD<K> keys() {
    return rdd.map(Tuple2::_1);
  }

  /** The values. */
  public RDD<V> values() {
    return rdd.map(Tuple2::_2);
  }

  /** All pairs, on the driver. */
  public List<Tuple2<K, V>> collect() {
    return rdd.collect();
  }

  /** The number of pairs. */
  public long count() {
    return rdd.count();
  }

  /** All pairs as a map on the driver; for a repeated key the last value wins. */
  public Map<K, V> collectAsMap() {
    Map<K, V> map = new LinkedHashMap<>();
    for (Tuple2<K, V> pair : rdd.collect()) {
      map.put(pair._1(), pair._2());
    }
    return map;
  }

  /** Caches the underlying RDD in memory. */
  public PairRDD<K, V> cache() {
    rdd.cache();
    return this;
  }

  /** The partitioner used when none is given: the parent's if it has one, else hash partitioning. */
  Partitioner defaultPartitioner() {
    return rdd.partitioner().orElseGet(() -> new HashPartitioner(
        rdd.context().getConf().contains("ember.default.parallelism")
            ? rdd.context().defaultParallelism()
            : rdd.getNumPartitions()));
  }

  @Override
  public String toString() {
    return "PairRDD(" + rdd + ")";
  }
}
