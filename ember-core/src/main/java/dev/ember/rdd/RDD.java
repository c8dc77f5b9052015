package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.OneToOneDependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.Function;
import dev.ember.api.function.Function2;
import dev.ember.api.function.MapPartitionsFunction;
import dev.ember.api.function.MapPartitionsWithIndexFunction;
import dev.ember.api.function.PairFunction;
import dev.ember.api.function.VoidFunction;
import dev.ember.storage.StorageLevel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A Resilient Distributed Dataset: an immutable, partitioned collection computed lazily from its lineage.
 * Transformations ({@code map}, {@code filter}, ...) return new RDDs and run nothing; actions ({@code count},
 * {@code collect}, ...) run a job. Lost partitions are recomputed from the lineage.
 *
 * <pre>{@code
 * long evens = sc.parallelize(List.of(1, 2, 3, 4), 2).filter(x -> x % 2 == 0).count();
 * }</pre>
 *
 * <p>Subclasses implement {@link #compute} and {@link #getPartitions}; they hold their parents in fields, and
 * those fields travel to executors inside tasks, so everything reachable from an RDD must be serializable.
 */
public abstract class RDD<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final transient EmberContext context;
  private final int id;
  private List<Dependency<?>> dependencies;
  private transient Partition[] partitions;
  private StorageLevel storageLevel = StorageLevel.NONE;
  private String name;

  /** Creates an RDD with the given dependencies (none for a source RDD). */
  protected RDD(EmberContext context, List<Dependency<?>> dependencies) {
    if (context == null) {
      throw new EmberException("RDD_OUTSIDE_DRIVER", "RDD transformations and actions can only be invoked by "
          + "the driver, not inside other transformations; for example rdd1.map(x -> rdd2.count()) is invalid. "
          + "Collect or broadcast the inner data first.");
    }
    this.context = context;
    this.dependencies = dependencies == null ? null : List.copyOf(dependencies);
    this.id = context.newRddId();
  }

  /** Creates an RDD with a one-to-one dependency on {@code parent}. */
  protected RDD(RDD<?> parent) {
    this(parent.context(), List.of(new OneToOneDependency<>(parent)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // What subclasses define

  /** Computes partition {@code split}, reading parents through their {@link #iterator}. Runs on executors. */
  public abstract Iterator<T> compute(Partition split, TaskContext context);

  /** The partitions of this RDD; called once, on the driver. */
  protected abstract Partition[] getPartitions();

  /** The dependencies of this RDD, when not given to the constructor. */
  protected List<Dependency<?>> getDependencies() {
    return List.of();
  }

  /** Where partition {@code split} is cheapest to compute (host names), if anywhere. */
  protected List<String> getPreferredLocations(Partition split) {
    return List.of();
  }

  /** How the keys of this pair RDD are partitioned, if known. */
  public Optional<Partitioner> partitioner() {
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Identity and structure

  /** The context this RDD was created in; {@code null} on executors. */
  public final EmberContext context() {
    return context;
  }

  /** A unique id of this RDD within its context. */
  public final int id() {
    return id;
  }

  /** The name given with {@link #setName}, or {@code null}. */
  public final String name() {
    return name;
  }

  /** Names this RDD, for the UI and {@link #toDebugString()}. */
  public RDD<T> setName(String newName) {
    this.name = newName;
    return this;
  }

  /** This RDD's partitions, computed once. */
  public final Partition[] partitions() {
    Partition[] result = partitions;
    if (result == null) {
      result = getPartitions();
      for (int i = 0; i < result.length; i++) {
        if (result[i].index() != i) {
          throw new IllegalStateException(getClass().getSimpleName() + " returned partition " + result[i].index()
              + " at position " + i + "; partitions must be numbered from 0 in order.");
        }
      }
      partitions = result;
    }
    return result;
  }

  /** The number of partitions. */
  public final int getNumPartitions() {
    return partitions().length;
  }

  /** This RDD's dependencies on its parents. */
  public final List<Dependency<?>> dependencies() {
    if (dependencies == null) {
      dependencies = List.copyOf(getDependencies());
    }
    return dependencies;
  }

  /** The preferred hosts of partition {@code split}, for locality. */
  public final List<String> preferredLocations(Partition split) {
    return getPreferredLocations(split);
  }

  /**
   * The records of partition {@code split}: read from the cache when this RDD is persisted and the block is
   * there, computed (and cached) otherwise. Subclasses read their parents through this method.
   */
  public final Iterator<T> iterator(Partition split, TaskContext taskContext) {
    if (storageLevel.isValid()) {
      return RDDBlocks.getOrCompute(this, split, taskContext);
    }
    return computeOrReadCheckpoint(split, taskContext);
  }

  /** Computes {@code split}; the hook checkpointing overrides to read saved data instead. */
  final Iterator<T> computeOrReadCheckpoint(Partition split, TaskContext taskContext) {
    return compute(split, taskContext);
  }

  /** The first parent, for RDDs with one parent. */
  @SuppressWarnings("unchecked")
  protected final <P> RDD<P> firstParent() {
    return (RDD<P>) dependencies().get(0).rdd();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Transformations

  /** Applies {@code f} to each element. */
  public <U> RDD<U> map(Function<T, U> f) {
    Function<T, U> clean = context.clean(f);
    return new MapPartitionsRDD<U, T>(this, (tc, index, it) -> Iterators.map(it, clean), false);
  }

  /** Applies {@code f} to each element and flattens the iterators it returns. */
  public <U> RDD<U> flatMap(FlatMapFunction<T, U> f) {
    FlatMapFunction<T, U> clean = context.clean(f);
    return new MapPartitionsRDD<U, T>(this, (tc, index, it) -> Iterators.flatMap(it, clean), false);
  }

  /** Keeps the elements for which {@code f} returns true. */
  public RDD<T> filter(Function<T, Boolean> f) {
    Function<T, Boolean> clean = context.clean(f);
    return new MapPartitionsRDD<T, T>(this, (tc, index, it) -> Iterators.filter(it, clean), true);
  }

  /** Applies {@code f} to each partition's iterator. */
  public <U> RDD<U> mapPartitions(MapPartitionsFunction<T, U> f) {
    return mapPartitions(f, false);
  }

  /**
   * Applies {@code f} to each partition's iterator.
   *
   * @param preservesPartitioning whether {@code f} keeps the keys of a pair RDD, so its partitioner holds
   */
  public <U> RDD<U> mapPartitions(MapPartitionsFunction<T, U> f, boolean preservesPartitioning) {
    MapPartitionsFunction<T, U> clean = context.clean(f);
    return new MapPartitionsRDD<U, T>(this, (tc, index, it) -> clean.call(it), preservesPartitioning);
  }

  /** Applies {@code f} to each partition's index and iterator. */
  public <U> RDD<U> mapPartitionsWithIndex(MapPartitionsWithIndexFunction<T, U> f, boolean preservesPartitioning) {
    MapPartitionsWithIndexFunction<T, U> clean = context.clean(f);
    return new MapPartitionsRDD<U, T>(this, (tc, index, it) -> clean.call(index, it), preservesPartitioning);
  }

  /** Turns each element into a key-value pair. */
  public <K, V> PairRDD<K, V> mapToPair(PairFunction<T, K, V> f) {
    PairFunction<T, K, V> clean = context.clean(f);
    RDD<Tuple2<K, V>> pairs = new MapPartitionsRDD<Tuple2<K, V>, T>(this,
        (tc, index, it) -> Iterators.map(it, clean::call), false);
    return new PairRDD<>(pairs);
  }

  /** Pairs each element with the key {@code f} computes for it. */
  public <K> PairRDD<K, T> keyBy(Function<T, K> f) {
    Function<T, K> clean = context.clean(f);
    return mapToPair(value -> new Tuple2<>(clean.call(value), value));
  }

  /**
   * Sorts the elements by the key {@code f} computes for each, in its natural ordering, into (at most)
   * {@code numPartitions} range partitions; collect then returns them in order.
   */
  public <K> RDD<T> sortBy(Function<T, K> f, boolean ascending, int numPartitions) {
    return sortBy(f, null, ascending, numPartitions);
  }

  /**
   * Sorts the elements by the key {@code f} computes for each, ordered by {@code comparator}.
   *
   * @param comparator a {@link Serializable} key ordering; {@code null} for the natural ordering
   */
  public <K> RDD<T> sortBy(Function<T, K> f, Comparator<? super K> comparator, boolean ascending,
      int numPartitions) {
    return keyBy(f).sortByKey(comparator, ascending, numPartitions).values();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Persistence

  /** Keeps this RDD's partitions at {@code level} once computed. Returns this RDD. */
  public RDD<T> persist(StorageLevel level) {
    if (storageLevel.isValid() && !storageLevel.equals(level)) {
      throw new EmberException("STORAGE_LEVEL_CHANGE", "Cannot change the storage level of RDD " + id + " from "
          + storageLevel + " to " + level + " once set; call unpersist() first.");
    }
    if (!storageLevel.isValid() && level.isValid()) {
      context.persistRDD(this);
    }
    storageLevel = level;
    return this;
  }

  /** Keeps this RDD's partitions in memory ({@code MEMORY_ONLY}) once computed. */
  public RDD<T> cache() {
    return persist(StorageLevel.MEMORY_ONLY);
  }

  /** Drops this RDD's cached blocks and stops caching it. */
  public RDD<T> unpersist(boolean blocking) {
    context.unpersistRDD(id, blocking);
    storageLevel = StorageLevel.NONE;
    return this;
  }

  /** Drops this RDD's cached blocks, waiting until they are gone. */
  public RDD<T> unpersist() {
    return unpersist(true);
  }

  /** The storage level this RDD is persisted at, {@code NONE} if it is not. */
  public StorageLevel getStorageLevel() {
    return storageLevel;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Actions

  /** Returns all elements to the driver as a list. */
  public List<T> collect() {
    List<List<T>> parts = context.runJob(this, (tc, it) -> {
      List<T> out = new ArrayList<>();
      it.forEachRemaining(out::add);
      return out;
    });
    List<T> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  /** The number of elements. */
  public long count() {
    List<Long> counts = context.runJob(this, (tc, it) -> {
      long n = 0;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return n;
    });
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Combines the elements with the associative, commutative {@code f}.
   *
   * @throws UnsupportedOperationException if the RDD is empty, as in Spark ("empty collection")
   */
  public T reduce(Function2<T, T, T> f) {
    Function2<T, T, T> clean = context.clean(f);
    // A list of zero or one element stands for "maybe a value": Optional is not serializable.
    List<ArrayList<T>> partials = context.runJob(this, (tc, it) -> {
      ArrayList<T> partial = new ArrayList<>(1);
      if (it.hasNext()) {
        T acc = it.next();
        while (it.hasNext()) {
          acc = clean.call(acc, it.next());
        }
        partial.add(acc);
      }
      return partial;
    });
    T result = null;
    boolean any = false;
    for (ArrayList<T> partial : partials) {
      if (!partial.isEmpty()) {
        try {
          result = any ? clean.call(result, partial.get(0)) : partial.get(0);
        } catch (Exception e) {
          throw UserFunctionException.wrap(e);
        }
        any = true;
      }
    }
    if (!any) {
      throw new UnsupportedOperationException("empty collection: reduce needs at least one element");
    }
    return result;
  }

  /** Runs {@code f} on each element, on the executors. */
  public void foreach(VoidFunction<T> f) {
    VoidFunction<T> clean = context.clean(f);
    context.runJob(this, (tc, it) -> {
      while (it.hasNext()) {
        clean.call(it.next());
      }
      return Boolean.TRUE;
    });
  }

  /** Runs {@code f} on each partition's iterator, on the executors. */
  public void foreachPartition(VoidFunction<Iterator<T>> f) {
    VoidFunction<Iterator<T>> clean = context.clean(f);
    context.runJob(this, (tc, it) -> {
      clean.call(it);
      return Boolean.TRUE;
    });
  }

  @Override
  public String toString() {
    return (name == null ? "" : name + " ") + getClass().getSimpleName() + "[" + id + "]";
  }
}
