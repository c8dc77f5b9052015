package dev.ember;

import dev.ember.broadcast.Broadcast;
import dev.ember.executor.Executor;
import dev.ember.rdd.MapStagesRDD;
import dev.ember.rdd.ObjectFileRDD;
import dev.ember.rdd.PairRDD;
import dev.ember.rdd.ParallelCollectionRDD;
import dev.ember.rdd.RDD;
import dev.ember.rdd.RangeRDD;
import dev.ember.rdd.TextFileRDD;
import dev.ember.rdd.UnionRDD;
import dev.ember.rdd.WholeTextFileRDD;
import dev.ember.rdd.io.LocalPaths;
import dev.ember.scheduler.DAGScheduler;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.ExternalClusterManager;
import dev.ember.scheduler.JobProperties;
import dev.ember.scheduler.JobWaiter;
import dev.ember.scheduler.LiveListenerBus;
import dev.ember.scheduler.LocalSchedulerBackend;
import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.PartitionFunction;
import dev.ember.scheduler.SchedulerBackend;
import dev.ember.scheduler.TaskSchedulerImpl;
import dev.ember.serializer.SerializationDebugger;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.status.AppStatusStore;
import dev.ember.status.EmberStatusTracker;
import dev.ember.ui.ConsoleProgressBar;
import dev.ember.storage.RDDInfo;
import dev.ember.util.AccumulatorContext;
import dev.ember.util.AccumulatorV2;
import dev.ember.util.CallSite;
import dev.ember.util.CollectionAccumulator;
import dev.ember.util.DoubleAccumulator;
import dev.ember.util.LongAccumulator;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of an Ember application: connects to a master (local mode: {@code local[N]}), creates
 * RDDs, and runs jobs. One context may be active per JVM; {@link #stop()} it when done (it is
 * {@link AutoCloseable}).
 *
 * <pre>{@code
 * try (EmberContext sc = new EmberContext(new EmberConf().setMaster("local[2]").setAppName("demo"))) {
 *   long n = sc.parallelize(List.of(1, 2, 3)).count();
 * }
 * }</pre>
 */
public class EmberContext implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmberContext.class);
  private static final AtomicReference<EmberContext> ACTIVE = new AtomicReference<>();

  private final EmberConf conf;
  private final String applicationId;
  private final long startTime = System.currentTimeMillis();
  private final EmberEnv env;
  private final LiveListenerBus listenerBus;
  private final TaskSchedulerImpl taskScheduler;
  private final SchedulerBackend backend;
  private final DAGScheduler dagScheduler;
  private final ContextCleaner cleaner;
  private final AppStatusStore statusStore;
  private final ConsoleProgressBar progressBar;
  private final AtomicInteger nextRddId = new AtomicInteger();
  private final AtomicInteger nextShuffleId = new AtomicInteger();
  private final Map<Integer, RDD<?>> persistentRdds = new ConcurrentHashMap<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  /** Whether every task runs in this process (a {@code local} master). */
  private final boolean local;
  private volatile String checkpointDir;
  private final InheritableThreadLocal<Properties> localProperties = new InheritableThreadLocal<>() {
    @Override
    protected Properties childValue(Properties parent) {
      Properties copy = new Properties();
      copy.putAll(parent);
      return copy;
    }

    @Override
    protected Properties initialValue() {
      return new Properties();
    }
  };

  /** Creates a context from {@code conf}, which must name a master and an application. */
  public EmberContext(EmberConf conf) {
    this.conf = conf.clone();
    if (!this.conf.contains("ember.master")) {
      throw new EmberException("MISSING_MASTER_URL", "A master URL must be set in your configuration: "
          + "call setMaster(\"local[*]\") or pass --master to ember-submit.");
    }
    if (!this.conf.contains("ember.app.name")) {
      throw new EmberException("MISSING_APP_NAME", "An application name must be set in your configuration: "
          + "call setAppName(...) or pass --name to ember-submit.");
    }
    MasterUrl master = SchedulerBackends.isLocal(this.conf.master()) ? MasterUrl.parse(this.conf.master()) : null;
    this.local = master != null;
    ExternalClusterManager clusterManager = master == null
        ? SchedulerBackends.clusterManagerFor(this.conf.master(), userClassLoader()) : null;
    if (!ACTIVE.compareAndSet(null, this)) {
      throw new EmberException("CONTEXT_ALREADY_ACTIVE", "Only one EmberContext may be running in this JVM; "
          + "stop the running one (application " + ACTIVE.get().applicationId + ") first.");
    }
    // A failure from here on (a bad serializer name, a bad memory setting) must not leave this half-built
    // context registered as the active one, or no context could ever be created again in this JVM.
    StartupRollback rollback = new StartupRollback();
    rollback.onFailure(() -> ACTIVE.compareAndSet(this, null));
    try {
      this.env = EmberEnv.createLocal(this.conf, LocalSchedulerBackend.EXECUTOR_ID);
      EmberEnv.set(env);
      rollback.onFailure(() -> {
        env.stop();
        EmberEnv.set(null);
      });
      this.listenerBus = new LiveListenerBus();
      rollback.onFailure(listenerBus::stop);
      this.statusStore = new AppStatusStore(this.conf.getInt("ember.ui.retainedJobs", 1000),
          this.conf.getInt("ember.ui.retainedStages", 1000));
      listenerBus.addListener(statusStore);
      int maxFailures = master != null && master.maxTaskFailures() > 0
          ? master.maxTaskFailures()
          : this.conf.getInt("ember.task.maxFailures", 4);
      this.taskScheduler = new TaskSchedulerImpl(env, maxFailures, this.conf.getInt("ember.task.cpus", 1));
      this.backend = master != null
          ? new LocalSchedulerBackend(taskScheduler,
              new Executor(LocalSchedulerBackend.EXECUTOR_ID, env, userClassLoader()), master.cores())
          : clusterManager.createSchedulerBackend(this.conf.master(), this.conf, taskScheduler, env);
      rollback.onFailure(backend::stop); // stops the executors too
      this.dagScheduler = new DAGScheduler(taskScheduler, env.mapOutputTracker(), listenerBus, env,
          this.conf.getInt("ember.stage.maxConsecutiveAttempts", 4));
      rollback.onFailure(dagScheduler::stop);
      taskScheduler.initialize(backend, dagScheduler);
      this.cleaner = this.conf.getBoolean("ember.cleaner.referenceTracking", true)
          ? new ContextCleaner(env.mapOutputTracker(), env.shuffleManager(), env.broadcastManager())
          : null;
      if (cleaner != null) {
        cleaner.start();
        rollback.onFailure(cleaner::stop);
      }
      backend.start();
      // A cluster names the application (the standalone master's app-...); local mode names it itself.
      this.applicationId = backend.applicationId().orElse("local-" + startTime);
      this.progressBar = this.conf.getBoolean("ember.ui.showConsoleProgress", true) && System.console() != null
          ? ConsoleProgressBar.onStandardError(statusStore) : null;
      if (progressBar != null) {
        progressBar.start();
      }
    } catch (RuntimeException | Error e) {
      rollback.rollBack(e);
      throw e;
    }
    listenerBus.post(new EmberListenerEvent.ApplicationStart(appName(), applicationId, startTime));
    LOG.debug("Started application {} ({}) with master {}", appName(), applicationId, master());
  }

  /** Creates a context for {@code master} and {@code appName}. */
  public EmberContext(String master, String appName) {
    this(new EmberConf().setMaster(master).setAppName(appName));
  }

  /** The running context of this JVM, if any. */
  public static java.util.Optional<EmberContext> getActive() {
    return java.util.Optional.ofNullable(ACTIVE.get());
  }

  private static ClassLoader userClassLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : EmberContext.class.getClassLoader();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Facts

  /** A copy of this context's configuration. */
  public EmberConf getConf() {
    return conf.clone();
  }

  public String master() {
    return conf.master();
  }

  public String appName() {
    return conf.appName();
  }

  public String applicationId() {
    return applicationId;
  }

  public long startTime() {
    return startTime;
  }

  /** The number of partitions used when none is given: {@code spark.default.parallelism}, else all cores. */
  public int defaultParallelism() {
    return conf.getInt("ember.default.parallelism", backend.defaultParallelism());
  }

  /** The default minimum number of partitions for files: at most 2. */
  public int defaultMinPartitions() {
    return Math.min(defaultParallelism(), 2);
  }

  /** The runtime services of this application's driver. */
  public EmberEnv env() {
    return env;
  }

  /** Reports the progress of this application's jobs and stages. */
  public EmberStatusTracker statusTracker() {
    return new EmberStatusTracker(statusStore);
  }

  /** The DAG scheduler, for components that submit jobs directly. */
  public DAGScheduler dagScheduler() {
    return dagScheduler;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Creating RDDs

  /** Distributes a local list over {@code numSlices} partitions. */
  public <T> RDD<T> parallelize(List<T> data, int numSlices) {
    assertNotStopped();
    if (numSlices < 1) {
      throw new IllegalArgumentException("Positive number of partitions required, but got " + numSlices + ".");
    }
    return new ParallelCollectionRDD<>(this, new ArrayList<>(data), numSlices);
  }

  /** Distributes a local list over {@link #defaultParallelism()} partitions. */
  public <T> RDD<T> parallelize(List<T> data) {
    return parallelize(data, defaultParallelism());
  }

  /** The numbers {@code start, start + step, ...} below {@code end} (above, for a negative step). */
  public RDD<Long> range(long start, long end, long step, int numSlices) {
    assertNotStopped();
    if (step == 0) {
      throw new IllegalArgumentException("The step of range() cannot be 0.");
    }
    if (numSlices < 1) {
      throw new IllegalArgumentException("Positive number of partitions required, but got " + numSlices + ".");
    }
    return new RangeRDD(this, start, end, step, numSlices);
  }

  /** The numbers from {@code start} (inclusive) to {@code end} (exclusive). */
  public RDD<Long> range(long start, long end) {
    return range(start, end, 1, defaultParallelism());
  }

  /**
   * The lines of the text files at {@code path}, in at least {@link #defaultMinPartitions()} partitions where
   * sizes allow. {@code path} is a file, a directory, a glob or a comma-separated list of them; files ending in
   * {@code .gz}, {@code .bz2}, {@code .zst} or {@code .lz4} are decompressed. A missing path fails the first
   * action with {@code PATH_NOT_FOUND}.
   */
  public RDD<String> textFile(String path) {
    return textFile(path, defaultMinPartitions());
  }

  /** The lines of the text files at {@code path}, in at least {@code minPartitions} partitions where sizes allow. */
  public RDD<String> textFile(String path, int minPartitions) {
    assertNotStopped();
    return new TextFileRDD(this, path, minPartitions);
  }

  /** Each file at {@code path} as one (path, content) pair. */
  public PairRDD<String, String> wholeTextFiles(String path) {
    return wholeTextFiles(path, defaultMinPartitions());
  }

  /** Each file at {@code path} as one (path, content) pair, packed into about {@code minPartitions} partitions. */
  public PairRDD<String, String> wholeTextFiles(String path, int minPartitions) {
    assertNotStopped();
    return new PairRDD<>(new WholeTextFileRDD(this, path, minPartitions));
  }

  /**
   * The elements of all {@code rdds}, one after the other, without a shuffle. When all share one partitioner,
   * the result keeps it, partition {@code i} holding partition {@code i} of each.
   */
  public <T> RDD<T> union(List<RDD<T>> rdds) {
    assertNotStopped();
    return UnionRDD.of(this, rdds);
  }

  /** Reads the object files {@link RDD#saveAsObjectFile} wrote under {@code path}, one partition per file. */
  public <T> RDD<T> objectFile(String path) {
    return objectFile(path, defaultMinPartitions());
  }

  /** Reads the object files under {@code path} into at least {@code minPartitions} partitions where possible. */
  public <T> RDD<T> objectFile(String path, int minPartitions) {
    assertNotStopped();
    return new ObjectFileRDD<>(this, path, minPartitions);
  }

  /** An RDD with no partitions and no elements. */
  public <T> RDD<T> emptyRDD() {
    return new ParallelCollectionRDD<>(this, new ArrayList<>(), 0);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Running jobs

  /** Runs {@code function} on every partition of {@code rdd} and returns the results in partition order. */
  public <T, U> List<U> runJob(RDD<T> rdd, PartitionFunction<T, U> function) {
    int[] all = new int[rdd.getNumPartitions()];
    Arrays.setAll(all, i -> i);
    return runJob(rdd, function, all);
  }

  /**
   * Runs the map stages of {@code dependencies} that have not run yet (with their parent stages) and returns
   * how many bytes each shuffle wrote per reduce partition, in the order given (Spark's {@code submitMapStage},
   * waiting). The stages' outputs stay registered, so RDDs reading these shuffles later reuse them.
   */
  public List<MapOutputStatistics> runMapStages(List<ShuffleDependency<?, ?, ?>> dependencies) {
    if (dependencies.isEmpty()) {
      return List.of();
    }
    runJob(new MapStagesRDD(this, dependencies), (context, records) -> 0, new int[] {0});
    List<MapOutputStatistics> result = new ArrayList<>(dependencies.size());
    for (ShuffleDependency<?, ?, ?> dependency : dependencies) {
      long[] bytes = new long[dependency.partitioner().numPartitions()];
      for (MapStatus status : env.mapOutputTracker().statuses(dependency.shuffleId())) {
        for (int reduceId = 0; status != null && reduceId < bytes.length; reduceId++) {
          bytes[reduceId] += status.sizeOf(reduceId);
        }
      }
      result.add(new MapOutputStatistics(dependency.shuffleId(), bytes));
    }
    return result;
  }

  /** Runs {@code function} on the given partitions of {@code rdd} and returns their results in that order. */
  @SuppressWarnings("unchecked")
  public <T, U> List<U> runJob(RDD<T> rdd, PartitionFunction<T, U> function, int[] partitions) {
    assertNotStopped();
    PartitionFunction<T, U> clean = clean(function);
    Object[] results = new Object[partitions.length];
    dagScheduler.runJob(rdd, clean, partitions, (index, result) -> results[index] = result, jobProperties());
    rdd.doCheckpoint();
    List<U> list = new ArrayList<>(results.length);
    for (Object result : results) {
      list.add((U) result);
    }
    return list;
  }

  /** Submits a job without waiting; {@code handler} gets each result, the waiter completes with the job. */
  public <T, U> JobWaiter<U> submitJob(RDD<T> rdd, PartitionFunction<T, U> function, int[] partitions,
      JobWaiter.ResultHandler<U> handler) {
    assertNotStopped();
    return dagScheduler.submitJob(rdd, clean(function), partitions, handler, jobProperties());
  }

  /**
   * Checks that {@code closure} can be serialized, as it must travel to executors, and returns it.
   *
   * @throws EmberException {@code TASK_NOT_SERIALIZABLE}, naming what could not be serialized
   */
  public <F extends Serializable> F clean(F closure) {
    if (closure == null) {
      throw new IllegalArgumentException("A function passed to an RDD operation cannot be null.");
    }
    try {
      env.closureSerializer().newInstance().serialize(closure);
    } catch (SerializationFailedException e) {
      java.io.NotSerializableException cause = SerializationDebugger.notSerializableCause(e);
      String detail = cause == null ? String.valueOf(e.getCause()) : SerializationDebugger.describe(closure, cause);
      throw new EmberException("TASK_NOT_SERIALIZABLE", "Task not serializable: " + closure.getClass().getName()
          + " cannot be sent to executors. Make the captured objects Serializable, mark the fields that hold "
          + "them transient, or create them inside the function.\n" + detail, e);
    }
    return closure;
  }

  private Properties jobProperties() {
    Properties copy = new Properties();
    copy.putAll(localProperties.get());
    if (!copy.containsKey(JobProperties.CALL_SITE)) {
      copy.setProperty(JobProperties.CALL_SITE, CallSite.capture());
    }
    return copy;
  }

  /** Sets a property passed to the jobs this thread submits (and readable in tasks); {@code null} removes it. */
  public void setLocalProperty(String key, String value) {
    if (value == null) {
      localProperties.get().remove(key);
    } else {
      localProperties.get().setProperty(key, value);
    }
  }

  /** A property set with {@link #setLocalProperty} on this thread, or {@code null}. */
  public String getLocalProperty(String key) {
    return localProperties.get().getProperty(key);
  }

  /**
   * Puts the jobs this thread submits into a group, which {@link #cancelJobGroup} cancels together.
   *
   * @param interruptOnCancel whether cancelling interrupts the threads of running tasks
   */
  public void setJobGroup(String groupId, String description, boolean interruptOnCancel) {
    setLocalProperty(JobProperties.JOB_GROUP_ID, groupId);
    setLocalProperty(JobProperties.JOB_DESCRIPTION, description);
    setLocalProperty(JobProperties.JOB_INTERRUPT_ON_CANCEL, Boolean.toString(interruptOnCancel));
  }

  /** Removes this thread's job group. */
  public void clearJobGroup() {
    setLocalProperty(JobProperties.JOB_GROUP_ID, null);
    setLocalProperty(JobProperties.JOB_DESCRIPTION, null);
    setLocalProperty(JobProperties.JOB_INTERRUPT_ON_CANCEL, null);
  }

  /** Describes the jobs this thread submits, for the UI and logs. */
  public void setJobDescription(String description) {
    setLocalProperty(JobProperties.JOB_DESCRIPTION, description);
  }

  /** Cancels the active jobs of group {@code groupId}. */
  public void cancelJobGroup(String groupId) {
    dagScheduler.cancelJobGroup(groupId);
  }

  /** Cancels job {@code jobId}. */
  public void cancelJob(int jobId) {
    dagScheduler.cancelJob(jobId, "cancelled by the application");
  }

  /** Cancels every active job. */
  public void cancelAllJobs() {
    dagScheduler.cancelAllJobs();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Broadcast variables and checkpoints

  /**
   * Ships {@code value} to each executor once; tasks read it with {@link Broadcast#value()}.
   *
   * <pre>{@code
   * Broadcast<Set<String>> stop = sc.broadcast(Set.of("a", "the"));
   * words.filter(w -> !stop.value().contains(w));
   * }</pre>
   */
  public <T> Broadcast<T> broadcast(T value) {
    assertNotStopped();
    Broadcast<T> broadcast = env.broadcastManager().newBroadcast(value);
    if (cleaner != null) {
      cleaner.registerBroadcastForCleanup(broadcast);
    }
    return broadcast;
  }

  /**
   * Like {@link #broadcast}, for Ember's own operators (a SQL join's build side), whose values are known to
   * serialize: in local mode, where every task runs in this process, the value is handed to the tasks as it is,
   * without serializing it into pieces; on a cluster it is broadcast as usual.
   */
  public <T> Broadcast<T> broadcastInternal(T value) {
    assertNotStopped();
    if (!local) {
      return broadcast(value);
    }
    Broadcast<T> broadcast = env.broadcastManager().newLocalBroadcast(value);
    if (cleaner != null) {
      cleaner.registerBroadcastForCleanup(broadcast);
    }
    return broadcast;
  }

  /**
   * Sets the directory RDDs are checkpointed to; a fresh sub-directory is created under {@code directory}
   * for this application.
   */
  public void setCheckpointDir(String directory) {
    Path dir = LocalPaths.toLocal(directory).resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create checkpoint directory " + dir, e);
    }
    checkpointDir = dir.toString();
  }

  /** The directory RDDs are checkpointed to, once set. */
  public java.util.Optional<String> getCheckpointDir() {
    return java.util.Optional.ofNullable(checkpointDir);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Accumulators and listeners

  /** Registers a user-defined accumulator under {@code name}. */
  public void register(AccumulatorV2<?, ?> accumulator, String name) {
    accumulator.register(name);
  }

  /** Registers an unnamed user-defined accumulator. */
  public void register(AccumulatorV2<?, ?> accumulator) {
    accumulator.register(null);
  }

  /** A new long accumulator starting at 0. */
  public LongAccumulator longAccumulator(String name) {
    LongAccumulator accumulator = new LongAccumulator();
    register(accumulator, name);
    return accumulator;
  }

  public LongAccumulator longAccumulator() {
    return longAccumulator(null);
  }

  /** A new double accumulator starting at 0. */
  public DoubleAccumulator doubleAccumulator(String name) {
    DoubleAccumulator accumulator = new DoubleAccumulator();
    register(accumulator, name);
    return accumulator;
  }

  public DoubleAccumulator doubleAccumulator() {
    return doubleAccumulator(null);
  }

  /** A new accumulator collecting values into a list. */
  public <T> CollectionAccumulator<T> collectionAccumulator(String name) {
    CollectionAccumulator<T> accumulator = new CollectionAccumulator<>();
    register(accumulator, name);
    return accumulator;
  }

  public <T> CollectionAccumulator<T> collectionAccumulator() {
    return collectionAccumulator(null);
  }

  /** Registers {@code listener} for scheduler events. */
  public void addEmberListener(EmberListener listener) {
    listenerBus.addListener(listener);
  }

  public void removeEmberListener(EmberListener listener) {
    listenerBus.removeListener(listener);
  }

  /** The listener bus, for components that post or wait for events. */
  public LiveListenerBus listenerBus() {
    return listenerBus;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Bookkeeping used by RDDs

  /** A new RDD id. */
  public int newRddId() {
    return nextRddId.getAndIncrement();
  }

  /** A new shuffle id for {@code dependency}, whose files are cleaned once it is garbage collected. */
  public int newShuffleId(ShuffleDependency<?, ?, ?> dependency) {
    int shuffleId = nextShuffleId.getAndIncrement();
    if (cleaner != null) {
      cleaner.registerShuffleForCleanup(dependency, shuffleId);
    }
    return shuffleId;
  }

  /** Records that {@code rdd} is persisted. */
  public void persistRDD(RDD<?> rdd) {
    persistentRdds.put(rdd.id(), rdd);
  }

  /** Drops the cached blocks of RDD {@code rddId} from every executor. */
  public void unpersistRDD(int rddId, boolean blocking) {
    persistentRdds.remove(rddId);
    env.blockManagerMaster().removeRdd(rddId);
  }

  /** What each persisted RDD has cached, as the storage page of the UI shows it. */
  public List<RDDInfo> getRDDStorageInfo() {
    List<RDDInfo> infos = new ArrayList<>();
    for (RDD<?> rdd : persistentRdds.values()) {
      String name = rdd.name() != null ? rdd.name() : rdd.toString();
      infos.add(env.blockManagerMaster().rddInfo(rdd.id(), name, rdd.getNumPartitions(), rdd.getStorageLevel()));
    }
    infos.sort(java.util.Comparator.comparingInt(RDDInfo::id));
    return infos;
  }

  /** The persisted RDDs by id. */
  public Map<Integer, RDD<?>> getPersistentRDDs() {
    return Collections.unmodifiableMap(persistentRdds);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Lifecycle

  /** Whether {@link #stop()} has been called. */
  public boolean isStopped() {
    return stopped.get();
  }

  private void assertNotStopped() {
    if (stopped.get()) {
      throw new EmberException("CONTEXT_STOPPED", "Cannot use a stopped EmberContext (application "
          + applicationId + "); create a new one.");
    }
  }

  /** Stops the application: cancels running jobs, stops threads, deletes temporary files. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    listenerBus.post(new EmberListenerEvent.ApplicationEnd(System.currentTimeMillis()));
    if (progressBar != null) {
      progressBar.stop();
    }
    if (cleaner != null) {
      cleaner.stop();
    }
    dagScheduler.stop();
    taskScheduler.stop();
    backend.stop();
    env.stop();
    listenerBus.stop();
    AccumulatorContext.clear();
    EmberEnv.set(null);
    ACTIVE.compareAndSet(this, null);
    LOG.debug("Stopped application {}", applicationId);
  }

  @Override
  public void close() {
    stop();
  }
}
