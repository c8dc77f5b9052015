package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.FutureAction;
import dev.ember.OneToOneDependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.api.function.DoubleFlatMapFunction;
import dev.ember.api.function.DoubleFunction;
import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.FlatMapFunction2;
import dev.ember.api.function.Function;
import dev.ember.api.function.Function2;
import dev.ember.api.function.MapPartitionsFunction;
import dev.ember.api.function.MapPartitionsWithIndexFunction;
import dev.ember.api.function.PairFlatMapFunction;
import dev.ember.api.function.PairFunction;
import dev.ember.api.function.VoidFunction;
import dev.ember.storage.StorageLevel;
import dev.ember.util.CallSite;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

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
  private volatile List<Dependency<?>> dependencies;
  private transient volatile Partition[] partitions;
  private StorageLevel storageLevel = StorageLevel.NONE;
  private String name;
  private RDDCheckpointData<T> checkpointData;
  private transient boolean doCheckpointCalled;
  private final transient String creationSite;

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
    this.creationSite = CallSite.creationSite();
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

  /**
   * Where in the user's program this RDD was created, e.g. {@code map at WordCount.java:31}; {@code null} on
   * executors.
   */
  public final String creationSite() {
    return creationSite;
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

  /** Computes {@code split}, or reads it from the checkpoint once this RDD is checkpointed. */
  final Iterator<T> computeOrReadCheckpoint(Partition split, TaskContext taskContext) {
    if (isCheckpointed()) {
      return this.<T>firstParent().iterator(split, taskContext);
    }
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

  /** The distinct elements, in as many partitions as this RDD has. */
  public RDD<T> distinct() {
    return distinct(getNumPartitions());
  }

  /** The distinct elements, in {@code numPartitions} partitions (one shuffle). */
  public RDD<T> distinct(int numPartitions) {
    return SetOperations.distinct(this, numPartitions);
  }

  /** A random sample of about {@code fraction} of the elements, with a random seed. */
  public RDD<T> sample(boolean withReplacement, double fraction) {
    return sample(withReplacement, fraction, new Random().nextLong());
  }

  /**
   * A random sample: each element kept with probability {@code fraction} (Bernoulli), or, with replacement,
   * repeated a Poisson-distributed number of times with mean {@code fraction}. The same seed gives the same sample.
   */
  public RDD<T> sample(boolean withReplacement, double fraction, long seed) {
    return RDDSampling.sample(this, withReplacement, fraction, seed);
  }

  /** Splits the elements randomly by {@code weights} (normalized), with a random seed. */
  public RDD<T>[] randomSplit(double[] weights) {
    return randomSplit(weights, new Random().nextLong());
  }

  /** Splits the elements randomly by {@code weights} (normalized) into disjoint RDDs that together hold all. */
  public RDD<T>[] randomSplit(double[] weights, long seed) {
    return RDDSampling.randomSplit(this, weights, seed);
  }

  /** The elements of this RDD followed by those of {@code other}, duplicates kept; no shuffle. */
  public RDD<T> union(RDD<T> other) {
    return context.union(List.of(this, other));
  }

  /** The distinct elements present in both RDDs (one shuffle, into the larger partition count). */
  public RDD<T> intersection(RDD<T> other) {
    return intersection(other, SetOperations.maxPartitions(List.of(this, other)));
  }

  /** The distinct elements present in both RDDs, in {@code numPartitions} partitions. */
  public RDD<T> intersection(RDD<T> other, int numPartitions) {
    return SetOperations.intersection(this, other, numPartitions);
  }

  /** The elements of this RDD not in {@code other}, duplicates kept, in as many partitions as this RDD has. */
  public RDD<T> subtract(RDD<T> other) {
    return subtract(other, getNumPartitions());
  }

  /** The elements of this RDD not in {@code other}, in {@code numPartitions} partitions. */
  public RDD<T> subtract(RDD<T> other, int numPartitions) {
    return SetOperations.subtract(this, other, numPartitions);
  }

  /** Every pair {@code (a, b)} of an element of this RDD and one of {@code other}. */
  public <U> PairRDD<T, U> cartesian(RDD<U> other) {
    return new PairRDD<>(new CartesianRDD<>(this, other));
  }

  /**
   * Pairs the i-th element of each partition with the i-th of the same partition of {@code other}. Both RDDs
   * must have the same number of partitions and of elements in each partition, else the job fails.
   */
  public <U> PairRDD<T, U> zip(RDD<U> other) {
    return new PairRDD<>(zipPartitions(other, ZipIterator::new));
  }

  /** Combines partition i of this RDD with partition i of {@code other}; partition counts must match. */
  public <U, V> RDD<V> zipPartitions(RDD<U> other, FlatMapFunction2<Iterator<T>, Iterator<U>, V> f) {
    return new ZippedPartitionsRDD<>(this, other, context.clean(f));
  }

  /** Pairs each element with its index in the RDD; runs a job to count the partitions first. */
  public PairRDD<T, Long> zipWithIndex() {
    return new PairRDD<>(new ZippedWithIndexRDD<>(this));
  }

  /** Pairs each element with a unique id: element i of partition k gets {@code i * n + k}; no job. */
  public PairRDD<T, Long> zipWithUniqueId() {
    long n = getNumPartitions();
    return new PairRDD<>(mapPartitionsWithIndex((k, it) -> {
      long[] i = {0};
      return Iterators.map(it, x -> new Tuple2<>(x, i[0]++ * n + k));
    }, false));
  }

  /** Each partition as one list. */
  public RDD<List<T>> glom() {
    return mapPartitions(it -> {
      List<T> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      return List.of(all).iterator();
    });
  }

  /** At most {@code numPartitions} partitions, by merging neighbouring ones; no shuffle. */
  public RDD<T> coalesce(int numPartitions) {
    return coalesce(numPartitions, false);
  }

  /**
   * {@code numPartitions} partitions: without {@code shuffle}, neighbouring partitions are merged (never more
   * than now); with it, elements are redistributed round-robin through a shuffle.
   */
  public RDD<T> coalesce(int numPartitions, boolean shuffle) {
    return shuffle ? SetOperations.coalesceWithShuffle(this, numPartitions) : new CoalescedRDD<>(this, numPartitions);
  }

  /** Exactly {@code numPartitions} partitions, through a shuffle: {@code coalesce(numPartitions, true)}. */
  public RDD<T> repartition(int numPartitions) {
    return coalesce(numPartitions, true);
  }

  /** Pipes each partition through {@code command} (split at whitespace), returning its output lines. */
  public RDD<String> pipe(String command) {
    return pipe(Arrays.asList(command.trim().split("\\s+")));
  }

  /** Pipes each partition through the process {@code command} (program and arguments). */
  public RDD<String> pipe(List<String> command) {
    return pipe(command, Map.of());
  }

  /** Pipes each partition through {@code command} run with {@code env} added to its environment. */
  public RDD<String> pipe(List<String> command, Map<String, String> env) {
    return new PipedRDD<>(this, command, env);
  }

  /** Turns each element into a double. */
  public DoubleRDD mapToDouble(DoubleFunction<T> f) {
    DoubleFunction<T> clean = context.clean(f);
    return new DoubleRDD(map(x -> clean.call(x)));
  }

  /** Turns each element into zero or more key-value pairs. */
  public <K, V> PairRDD<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
    PairFlatMapFunction<T, K, V> clean = context.clean(f);
    return new PairRDD<>(flatMap(clean::call));
  }

  /** Turns each element into zero or more doubles. */
  public DoubleRDD flatMapToDouble(DoubleFlatMapFunction<T> f) {
    DoubleFlatMapFunction<T> clean = context.clean(f);
    return new DoubleRDD(flatMap(clean::call));
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
  // Checkpointing

  /**
   * Marks this RDD for checkpointing: after the next job that computes it, its partitions are saved to files
   * under the context's checkpoint directory and its lineage is cut, so its parents are no longer needed.
   * Call it before any job runs on this RDD; persisting it first avoids computing it twice.
   *
   * @throws EmberException {@code CHECKPOINT_DIR_NOT_SET} if {@code setCheckpointDir} was not called
   */
  public void checkpoint() {
    String dir = context.getCheckpointDir().orElseThrow(() -> new EmberException("CHECKPOINT_DIR_NOT_SET",
        "Checkpoint directory has not been set in the EmberContext: call sc.setCheckpointDir(dir) first."));
    if (checkpointData == null) {
      checkpointData = new ReliableRDDCheckpointData<>(this, dir);
    }
  }

  /**
   * Marks this RDD for local checkpointing: its partitions are kept in the executors' block managers (with a
   * storage level that uses disk) and its lineage is cut after the next job. Faster than {@link #checkpoint()}
   * but not fault-tolerant: a lost block cannot be recomputed.
   */
  public RDD<T> localCheckpoint() {
    if (!storageLevel.isValid()) {
      persist(StorageLevel.MEMORY_AND_DISK);
    } else if (!storageLevel.useDisk()) {
      storageLevel = new StorageLevel(true, storageLevel.useMemory(), storageLevel.deserialized(),
          storageLevel.replication());
    }
    if (checkpointData == null) {
      checkpointData = new LocalRDDCheckpointData<>(this);
    }
    return this;
  }

  /** Whether this RDD has been checkpointed (reliably or locally) and its lineage cut. */
  public boolean isCheckpointed() {
    return checkpointData != null && checkpointData.isCheckpointed();
  }

  /** Whether this RDD is marked for local checkpointing. */
  public boolean isLocallyCheckpointed() {
    return checkpointData instanceof LocalRDDCheckpointData<T>;
  }

  /** The directory this RDD was checkpointed to, once reliably checkpointed. */
  public Optional<String> getCheckpointFile() {
    return checkpointData == null ? Optional.empty() : checkpointData.checkpointPath();
  }

  /**
   * Checkpoints this RDD if it is marked, else looks for marked ancestors. The context calls this after each
   * job on the RDD; it acts once per RDD.
   */
  public final void doCheckpoint() {
    if (doCheckpointCalled) {
      return;
    }
    doCheckpointCalled = true;
    if (checkpointData != null) {
      checkpointData.checkpoint();
    } else {
      dependencies().forEach(dependency -> dependency.rdd().doCheckpoint());
    }
  }

  /** Cuts the lineage: from now on this RDD's only parent is {@code checkpointRdd}. */
  final void markCheckpointed(RDD<T> checkpointRdd) {
    partitions = checkpointRdd.partitions();
    dependencies = List.of(new OneToOneDependency<>(checkpointRdd));
    clearDependencies();
  }

  /** Drops references to parents once checkpointed, so they need not travel with tasks; override to do so. */
  protected void clearDependencies() {}

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

  /** The first element; throws {@link UnsupportedOperationException} ("empty collection") when empty. */
  public T first() {
    return RDDActions.first(this);
  }

  /** The first {@code num} elements, scanning one partition first and then four times more each round. */
  public List<T> take(int num) {
    return PartialScan.take(this, num);
  }

  /** The {@code num} smallest elements in natural order, ascending. Elements must be Comparable. */
  @SuppressWarnings("unchecked")
  public List<T> takeOrdered(int num) {
    return takeOrdered(num, (Comparator<T>) Comparator.naturalOrder());
  }

  /** The {@code num} smallest elements by {@code comparator} (which must be Serializable), ascending. */
  public List<T> takeOrdered(int num, Comparator<T> comparator) {
    return RDDActions.takeOrdered(this, num, comparator);
  }

  /** The {@code num} largest elements in natural order, descending. Elements must be Comparable. */
  @SuppressWarnings("unchecked")
  public List<T> top(int num) {
    return top(num, (Comparator<T>) Comparator.naturalOrder());
  }

  /** The {@code num} largest elements by {@code comparator} (which must be Serializable), descending. */
  public List<T> top(int num, Comparator<T> comparator) {
    RDDActions.serializable(context, comparator);
    return RDDActions.takeOrdered(this, num, Collections.reverseOrder(comparator));
  }

  /** Exactly {@code num} random elements (fewer if there are fewer without replacement), random seed. */
  public List<T> takeSample(boolean withReplacement, int num) {
    return takeSample(withReplacement, num, new Random().nextLong());
  }

  /** Exactly {@code num} random elements, the same for the same seed; runs a count job first. */
  public List<T> takeSample(boolean withReplacement, int num, long seed) {
    return RDDSampling.takeSample(this, withReplacement, num, seed);
  }

  /** Folds each partition from a copy of {@code zero} with {@code op}, then the partial results. */
  public T fold(T zero, Function2<T, T, T> op) {
    return RDDActions.fold(this, zero, op);
  }

  /** Aggregates each partition with {@code seqOp} from a copy of {@code zero}, then merges with {@code combOp}. */
  public <U> U aggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    return RDDActions.aggregate(this, zero, seqOp, combOp);
  }

  /** As {@link #aggregate}, merging partial results in a tree of depth 2 through shuffles. */
  public <U> U treeAggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    return treeAggregate(zero, seqOp, combOp, 2);
  }

  /** As {@link #aggregate}, merging partial results in a tree of the given depth. */
  public <U> U treeAggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp, int depth) {
    return RDDActions.treeAggregate(this, zero, seqOp, combOp, depth);
  }

  /** How many times each distinct element occurs. */
  public Map<T, Long> countByValue() {
    return RDDActions.countByValue(this);
  }

  /** The smallest element by {@code comparator} (Serializable); fails when empty. */
  public T min(Comparator<T> comparator) {
    Comparator<T> order = RDDActions.serializable(context, comparator);
    return reduce((a, b) -> order.compare(a, b) <= 0 ? a : b);
  }

  /** The largest element by {@code comparator} (Serializable); fails when empty. */
  public T max(Comparator<T> comparator) {
    Comparator<T> order = RDDActions.serializable(context, comparator);
    return reduce((a, b) -> order.compare(a, b) >= 0 ? a : b);
  }

  /** Whether the RDD has no element; scans as little as {@link #take} does. */
  public boolean isEmpty() {
    return getNumPartitions() == 0 || take(1).isEmpty();
  }

  /** Writes the elements as lines into files {@code part-NNNNN} under the new directory {@code path}. */
  public void saveAsTextFile(String path) {
    TextFileSaver.save(this, path, null);
  }

  /**
   * As {@link #saveAsTextFile(String)}, compressed by {@code codec}: {@code gzip}, {@code bzip2}, {@code zstd},
   * {@code lz4} or a Hadoop codec class name such as {@code org.apache.hadoop.io.compress.GzipCodec}.
   */
  public void saveAsTextFile(String path, String codec) {
    TextFileSaver.save(this, path, codec);
  }

  /** Saves the elements as Java-serialized batches, one file {@code part-NNNNN} per partition under {@code path}. */
  public void saveAsObjectFile(String path) {
    ObjectFileOutput.save(this, path);
  }

  /** The elements on the driver, one partition at a time, each fetched by its own job when reached. */
  public Iterator<T> toLocalIterator() {
    return RDDActions.toLocalIterator(this);
  }

  /** The lineage of this RDD, one line per RDD, with partition counts, shuffle boundaries and storage levels. */
  public String toDebugString() {
    return RDDDebugString.of(this);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Asynchronous actions

  /** Counts the elements without waiting: the job runs in the background. */
  public FutureAction<Long> countAsync() {
    return AsyncRDDActions.countAsync(this);
  }

  /** Returns all elements to the driver without waiting. */
  public FutureAction<List<T>> collectAsync() {
    return AsyncRDDActions.collectAsync(this);
  }

  /** Returns the first {@code num} elements without waiting; may run several jobs, as {@code take} does. */
  public FutureAction<List<T>> takeAsync(int num) {
    return AsyncRDDActions.takeAsync(this, num);
  }

  /** Runs {@code f} on each element, on the executors, without waiting. */
  public FutureAction<Void> foreachAsync(VoidFunction<T> f) {
    return AsyncRDDActions.foreachAsync(this, f);
  }

  /** Runs {@code f} on each partition's iterator, on the executors, without waiting. */
  public FutureAction<Void> foreachPartitionAsync(VoidFunction<Iterator<T>> f) {
    return AsyncRDDActions.foreachPartitionAsync(this, f);
  }

  /** As Spark prints an RDD: {@code [name ]MapPartitionsRDD[3] at map at WordCount.java:31}. */
  @Override
  public String toString() {
    return (name == null ? "" : name + " ") + getClass().getSimpleName() + "[" + id + "]"
        + (creationSite == null ? "" : " at " + creationSite);
  }
}
