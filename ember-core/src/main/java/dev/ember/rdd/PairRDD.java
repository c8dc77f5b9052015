package dev.ember.rdd;

import dev.ember.Aggregator;
import dev.ember.HashPartitioner;
import dev.ember.Partitioner;
import dev.ember.RangePartitioner;
import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.Function;
import dev.ember.api.function.Function2;
import dev.ember.api.function.VoidFunction;
import dev.ember.api.java.Optional;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view of an RDD of key-value pairs with Spark's pair operations: aggregation by key, joins, grouping,
 * sorting and partitioning. Get one with {@link RDD#mapToPair} or {@link #fromRDD}.
 *
 * <pre>{@code
 * PairRDD<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 *
 * <p>Operations that shuffle accept a {@link Partitioner} or a number of partitions; without either they use
 * the partitioner of a parent when it has one, so chains such as {@code reduceByKey} then {@code join} on
 * co-partitioned RDDs shuffle nothing twice. Null keys are allowed wherever keys are hash partitioned.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PairRDD<K, V> {

  private final RDD<Tuple2<K, V>> rdd;

  /** Views {@code rdd} as a pair RDD. */
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
  public java.util.Optional<Partitioner> partitioner() {
    return rdd.partitioner();
  }

  /** The number of partitions. */
  public int getNumPartitions() {
    return rdd.getNumPartitions();
  }

  /** The name given with {@link #setName}, or {@code null}. */
  public String name() {
    return rdd.name();
  }

  /** Names the underlying RDD, for the UI. Returns this pair RDD. */
  public PairRDD<K, V> setName(String name) {
    rdd.setName(name);
    return this;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Aggregation by key

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

  /** Combines values by key, partitioned by {@code partitioner}, combining on the map side first. */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
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

  /**
   * Aggregates the values of each key, starting from a fresh copy of {@code zeroValue} per key: {@code seqOp}
   * folds a value into an aggregate, {@code combOp} merges two aggregates of one key. The zero value may be
   * mutable; each key gets its own copy (it is serialized once and deserialized per key).
   *
   * <pre>{@code
   * PairRDD<String, Integer> maxPerKey = pairs.aggregateByKey(Integer.MIN_VALUE, hash, Math::max, Math::max);
   * }</pre>
   */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, Partitioner partitioner, Function2<U, V, U> seqOp,
      Function2<U, U, U> combOp) {
    ZeroValue<U> zero = new ZeroValue<>(zeroValue, rdd.context().env().serializer());
    Function2<U, V, U> seq = rdd.context().clean(seqOp);
    return combineByKey(v -> seq.call(zero.create(), v), seq, combOp, partitioner, true);
  }

  /** Aggregates the values of each key into {@code numPartitions} partitions; see the partitioner variant. */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, int numPartitions, Function2<U, V, U> seqOp,
      Function2<U, U, U> combOp) {
    return aggregateByKey(zeroValue, new HashPartitioner(numPartitions), seqOp, combOp);
  }

  /** Aggregates the values of each key with the default partitioner; see the partitioner variant. */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    return aggregateByKey(zeroValue, defaultPartitioner(), seqOp, combOp);
  }

  /**
   * Merges the values of each key with the associative {@code f}, starting from a fresh copy of the neutral
   * {@code zeroValue} per key (which may be added more than once per key: once per partition holding it).
   */
  public PairRDD<K, V> foldByKey(V zeroValue, Partitioner partitioner, Function2<V, V, V> f) {
    ZeroValue<V> zero = new ZeroValue<>(zeroValue, rdd.context().env().serializer());
    Function2<V, V, V> clean = rdd.context().clean(f);
    return combineByKey(v -> clean.call(zero.create(), v), clean, clean, partitioner, true);
  }

  /** Folds the values of each key into {@code numPartitions} partitions; see the partitioner variant. */
  public PairRDD<K, V> foldByKey(V zeroValue, int numPartitions, Function2<V, V, V> f) {
    return foldByKey(zeroValue, new HashPartitioner(numPartitions), f);
  }

  /** Folds the values of each key with the default partitioner; see the partitioner variant. */
  public PairRDD<K, V> foldByKey(V zeroValue, Function2<V, V, V> f) {
    return foldByKey(zeroValue, defaultPartitioner(), f);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Grouping and partitioning

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

  // ---------------------------------------------------------------------------------------------------------
  // Sorting

  /** Sorts by key, ascending, in as many partitions as this RDD has; collect returns the pairs in key order. */
  public PairRDD<K, V> sortByKey() {
    return sortByKey(true);
  }

  /** Sorts by key, in as many partitions as this RDD has. */
  public PairRDD<K, V> sortByKey(boolean ascending) {
    return sortByKey(ascending, rdd.getNumPartitions());
  }

  /** Sorts by the keys' natural ordering into (at most) {@code numPartitions} ranges. */
  public PairRDD<K, V> sortByKey(boolean ascending, int numPartitions) {
    return sortByKey(null, ascending, numPartitions);
  }

  /** Sorts by key with {@code comparator}, ascending. */
  public PairRDD<K, V> sortByKey(Comparator<? super K> comparator) {
    return sortByKey(comparator, true);
  }

  /** Sorts by key with {@code comparator}, in as many partitions as this RDD has. */
  public PairRDD<K, V> sortByKey(Comparator<? super K> comparator, boolean ascending) {
    return sortByKey(comparator, ascending, rdd.getNumPartitions());
  }

  /**
   * Sorts by key: range-partitions the pairs (sampling the keys in a job first, to find the ranges) so that
   * each partition's keys precede the next partition's, and sorts within each partition.
   *
   * <pre>{@code
   * List<Tuple2<String, Integer>> sorted = pairs.sortByKey(String.CASE_INSENSITIVE_ORDER, false, 4).collect();
   * }</pre>
   *
   * @param comparator a {@link java.io.Serializable} key ordering; {@code null} for the natural ordering
   * @param numPartitions the number of ranges wanted; fewer when there are fewer distinct keys
   */
  public PairRDD<K, V> sortByKey(Comparator<? super K> comparator, boolean ascending, int numPartitions) {
    RangePartitioner<K> partitioner = new RangePartitioner<>(numPartitions, rdd, ascending, comparator);
    Comparator<? super K> ordering = partitioner.ordering();
    Comparator<? super K> keyOrdering = ascending ? ordering : ordering.reversed();
    return new PairRDD<>(new ShuffledRDD<K, V, V>(rdd, partitioner).setKeyOrdering(keyOrdering));
  }

  /**
   * Redistributes the pairs by {@code partitioner} and sorts each resulting partition by key, in the shuffle
   * itself: cheaper than partitionBy followed by a sort of each partition.
   */
  public PairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner) {
    return repartitionAndSortWithinPartitions(partitioner, null);
  }

  /**
   * Redistributes the pairs by {@code partitioner} and sorts each resulting partition by key with
   * {@code comparator} ({@link java.io.Serializable}; {@code null} for the natural ordering).
   */
  public PairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner,
      Comparator<? super K> comparator) {
    Comparator<? super K> ordering = RangePartitioner.keyOrdering(comparator);
    return new PairRDD<>(new ShuffledRDD<K, V, V>(rdd, partitioner).setKeyOrdering(ordering));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Cogroup and joins

  /**
   * For each key in this RDD or {@code other}, the values of each (either may be empty), partitioned by
   * {@code partitioner}. An input already partitioned by {@code partitioner} is not shuffled.
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, Partitioner partitioner) {
    CoGroupedRDD<K> grouped = new CoGroupedRDD<>(List.of(rdd, other.rdd), partitioner);
    return new PairRDD<>(grouped).mapValues(PairRDD::firstTwo);
  }

  /** Cogroups with {@code other} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, int numPartitions) {
    return cogroup(other, new HashPartitioner(numPartitions));
  }

  /** Cogroups with {@code other} using the default partitioner of both inputs. */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other) {
    return cogroup(other, defaultPartitioner(other));
  }

  /** For each key in any of the three RDDs, the values of each, partitioned by {@code partitioner}. */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2, Partitioner partitioner) {
    CoGroupedRDD<K> grouped = new CoGroupedRDD<>(List.of(rdd, other1.rdd, other2.rdd), partitioner);
    return new PairRDD<>(grouped).mapValues(PairRDD::firstThree);
  }

  /** Three-way cogroup into {@code numPartitions} hash partitions. */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2, int numPartitions) {
    return cogroup(other1, other2, new HashPartitioner(numPartitions));
  }

  /** Three-way cogroup with the default partitioner of the three inputs. */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2) {
    return cogroup(other1, other2, defaultPartitioner(other1, other2));
  }

  /** The same as {@link #cogroup(PairRDD)}. */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> groupWith(PairRDD<K, W> other) {
    return cogroup(other);
  }

  /** The same as {@link #cogroup(PairRDD, PairRDD)}. */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> groupWith(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2) {
    return cogroup(other1, other2);
  }

  /** Every (k, (v, w)) with (k, v) here and (k, w) in {@code other}, partitioned by {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(PairJoins::inner);
  }

  /** Inner join into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, int numPartitions) {
    return join(other, new HashPartitioner(numPartitions));
  }

  /**
   * Inner join with the default partitioner. When both inputs have the same partitioner neither is shuffled.
   *
   * <pre>{@code
   * PairRDD<Integer, Tuple2<String, Double>> namedScores = names.join(scores);
   * }</pre>
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other) {
    return join(other, defaultPartitioner(other));
  }

  /** Every (k, (v, Optional[w])); a key of this RDD missing from {@code other} gives (k, (v, empty)). */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(PairJoins::leftOuter);
  }

  /** Left outer join into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return leftOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** Left outer join with the default partitioner. */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other) {
    return leftOuterJoin(other, defaultPartitioner(other));
  }

  /** Every (k, (Optional[v], w)); a key of {@code other} missing here gives (k, (empty, w)). */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(PairJoins::rightOuter);
  }

  /** Right outer join into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return rightOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** Right outer join with the default partitioner. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other) {
    return rightOuterJoin(other, defaultPartitioner(other));
  }

  /** Every (k, (Optional[v], Optional[w])) for keys of either RDD, with empty for the side lacking the key. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other,
      Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(PairJoins::fullOuter);
  }

  /** Full outer join into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return fullOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** Full outer join with the default partitioner. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other) {
    return fullOuterJoin(other, defaultPartitioner(other));
  }

  /** The pairs whose key does not occur in {@code other}, partitioned by {@code partitioner}. */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, Partitioner partitioner) {
    return new PairRDD<>(new SubtractedRDD<>(rdd, other.rdd, partitioner));
  }

  /** The pairs whose key does not occur in {@code other}, in {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, int numPartitions) {
    return subtractByKey(other, new HashPartitioner(numPartitions));
  }

  /** The pairs whose key does not occur in {@code other}, partitioned like this RDD (hashed if unknown). */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other) {
    return subtractByKey(other, rdd.partitioner().orElseGet(() -> new HashPartitioner(rdd.getNumPartitions())));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Transformations of keys, values and pairs

  /** Applies {@code f} to each value, keeping keys and partitioning. */
  public <U> PairRDD<K, U> mapValues(Function<V, U> f) {
    Function<V, U> clean = rdd.context().clean(f);
    RDD<Tuple2<K, U>> mapped = new MapPartitionsRDD<Tuple2<K, U>, Tuple2<K, V>>(rdd,
        (tc, index, it) -> Iterators.map(it, pair -> new Tuple2<>(pair._1(), clean.call(pair._2()))), true);
    return new PairRDD<>(mapped);
  }

  /** Pairs each key with every element {@code f} returns for its value, keeping the partitioning. */
  public <U> PairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    FlatMapFunction<V, U> clean = rdd.context().clean(f);
    RDD<Tuple2<K, U>> mapped = new MapPartitionsRDD<Tuple2<K, U>, Tuple2<K, V>>(rdd,
        (tc, index, it) -> Iterators.flatMap(it, pair -> {
          Iterator<U> values = clean.call(pair._2());
          return values == null ? null : Iterators.map(values, value -> new Tuple2<>(pair._1(), value));
        }), true);
    return new PairRDD<>(mapped);
  }

  /** Keeps the pairs for which {@code f} returns true, keeping the partitioning. */
  public PairRDD<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    return new PairRDD<>(rdd.filter(f));
  }

  /** The distinct pairs, in as many partitions as this RDD has. */
  public PairRDD<K, V> distinct() {
    return distinct(rdd.getNumPartitions());
  }

  /** The distinct pairs, in {@code numPartitions} partitions. */
  public PairRDD<K, V> distinct(int numPartitions) {
    PairRDD<Tuple2<K, V>, Boolean> marked = rdd.mapToPair(pair -> new Tuple2<>(pair, Boolean.TRUE));
    return new PairRDD<>(marked.reduceByKey((a, b) -> a, numPartitions).keys());
  }

  /**
   * The pairs of this RDD and of {@code other}, duplicates kept. If both have the same partitioner the result
   * keeps it; otherwise its partitions are this RDD's followed by {@code other}'s.
   */
  public PairRDD<K, V> union(PairRDD<K, V> other) {
    return new PairRDD<>(rdd.union(other.rdd));
  }

  /** The keys. */
  public RDD<K> keys() {
    return rdd.map(Tuple2::_1);
  }

  /** The values. */
  public RDD<V> values() {
    return rdd.map(Tuple2::_2);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Persistence

  /** Caches the underlying RDD in memory. */
  public PairRDD<K, V> cache() {
    rdd.cache();
    return this;
  }

  /** Keeps the underlying RDD's partitions at {@code level} once computed. */
  public PairRDD<K, V> persist(StorageLevel level) {
    rdd.persist(level);
    return this;
  }

  /** Drops the cached blocks of the underlying RDD, waiting until they are gone. */
  public PairRDD<K, V> unpersist() {
    rdd.unpersist();
    return this;
  }

  /** Drops the cached blocks of the underlying RDD, waiting only if {@code blocking}. */
  public PairRDD<K, V> unpersist(boolean blocking) {
    rdd.unpersist(blocking);
    return this;
  }

  /** The storage level of the underlying RDD. */
  public StorageLevel getStorageLevel() {
    return rdd.getStorageLevel();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Actions

  /** All pairs, on the driver. */
  public List<Tuple2<K, V>> collect() {
    return rdd.collect();
  }

  /** The number of pairs. */
  public long count() {
    return rdd.count();
  }

  /** The first {@code n} pairs, computing as few partitions as it can. */
  public List<Tuple2<K, V>> take(int n) {
    return rdd.take(n);
  }

  /**
   * The first pair.
   *
   * @throws UnsupportedOperationException if the RDD is empty, as in Spark ("empty collection")
   */
  public Tuple2<K, V> first() {
    List<Tuple2<K, V>> taken = take(1);
    if (taken.isEmpty()) {
      throw new UnsupportedOperationException("empty collection: first needs at least one element");
    }
    return taken.get(0);
  }

  /** Runs {@code f} on each pair, on the executors. */
  public void foreach(VoidFunction<Tuple2<K, V>> f) {
    rdd.foreach(f);
  }

  /** All pairs as a map on the driver; for a repeated key the last value wins. */
  public Map<K, V> collectAsMap() {
    Map<K, V> map = new LinkedHashMap<>();
    for (Tuple2<K, V> pair : rdd.collect()) {
      map.put(pair._1(), pair._2());
    }
    return map;
  }

  /** The number of pairs of each key, on the driver. */
  public Map<K, Long> countByKey() {
    return mapValues(v -> 1L).reduceByKey(Long::sum).collectAsMap();
  }

  /** Merges the values of each key with {@code f} and returns the result on the driver, not as an RDD. */
  public Map<K, V> reduceByKeyLocally(Function2<V, V, V> f) {
    return PairActions.reduceByKeyLocally(rdd, f);
  }

  /** The values of {@code key}; only one partition is computed when the partitioner is known. */
  public List<V> lookup(K key) {
    return PairActions.lookup(rdd, key);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  /** The partitioner used when none is given: the parent's if it has one, else hash partitioning. */
  Partitioner defaultPartitioner(PairRDD<?, ?>... others) {
    List<RDD<?>> otherRdds = new ArrayList<>(others.length);
    for (PairRDD<?, ?> other : others) {
      otherRdds.add(other.rdd);
    }
    return DefaultPartitioner.of(rdd, otherRdds);
  }

  @SuppressWarnings("unchecked")
  private static <V, W> Tuple2<Iterable<V>, Iterable<W>> firstTwo(List<List<Object>> groups) {
    return new Tuple2<>((Iterable<V>) (List<?>) groups.get(0), (Iterable<W>) (List<?>) groups.get(1));
  }

  @SuppressWarnings("unchecked")
  private static <V, W1, W2> Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>> firstThree(List<List<Object>> groups) {
    return new Tuple3<>((Iterable<V>) (List<?>) groups.get(0), (Iterable<W1>) (List<?>) groups.get(1),
        (Iterable<W2>) (List<?>) groups.get(2));
  }

  @Override
  public String toString() {
    return "PairRDD(" + rdd + ")";
  }
}
