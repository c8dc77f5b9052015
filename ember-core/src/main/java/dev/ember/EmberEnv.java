package dev.ember;

import dev.ember.broadcast.BroadcastFetcher;
import dev.ember.broadcast.BroadcastManager;
import dev.ember.memory.MemoryManager;
import dev.ember.serializer.JavaSerializer;
import dev.ember.serializer.Serializer;
import dev.ember.shuffle.IndexShuffleBlockResolver;
import dev.ember.shuffle.LocalShuffleBlockClient;
import dev.ember.shuffle.MapOutputTracker;
import dev.ember.shuffle.ShuffleBlockClient;
import dev.ember.shuffle.ShuffleManager;
import dev.ember.shuffle.SortShuffleManager;
import dev.ember.storage.BlockManager;
import dev.ember.storage.BlockManagerId;
import dev.ember.storage.BlockManagerMaster;
import dev.ember.storage.BlockStatusListener;
import dev.ember.storage.DiskBlockManager;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The runtime services of one executor process: serializers, memory, block storage and shuffle. Tasks reach
 * them through {@link #get()}. In local mode the driver and its executor share one environment, as they share
 * one JVM; nothing else may assume that.
 */
public final class EmberEnv {

  private static volatile EmberEnv current;

  private final String executorId;
  private final EmberConf conf;
  private final Serializer closureSerializer;
  private final Serializer serializer;
  private final MemoryManager memoryManager;
  private final BlockManager blockManager;
  private final ShuffleManager shuffleManager;
  private final MapOutputTracker mapOutputTracker;
  private final BlockManagerMaster blockManagerMaster;
  private final BroadcastManager broadcastManager;

  private EmberEnv(String executorId, EmberConf conf, Serializer closureSerializer, Serializer serializer,
      MemoryManager memoryManager, BlockManager blockManager, ShuffleManager shuffleManager,
      MapOutputTracker mapOutputTracker, BlockManagerMaster blockManagerMaster,
      BroadcastManager broadcastManager) {
    this.executorId = executorId;
    this.conf = conf;
    this.closureSerializer = closureSerializer;
    this.serializer = serializer;
    this.memoryManager = memoryManager;
    this.blockManager = blockManager;
    this.shuffleManager = shuffleManager;
    this.mapOutputTracker = mapOutputTracker;
    this.blockManagerMaster = blockManagerMaster;
    this.broadcastManager = broadcastManager;
  }

  /** Creates the environment of a local-mode driver, which also serves as its executor's. */
  public static EmberEnv createLocal(EmberConf conf, String executorId) {
    Serializer serializer = SerializerChoice.fromConf(conf);
    MemoryManager memoryManager = MemoryManager.fromConf(conf);
    Path localDir = Path.of(conf.get("ember.local.dir", System.getProperty("java.io.tmpdir")));
    DiskBlockManager disk = new DiskBlockManager(localDir);
    BlockManagerMaster master = new BlockManagerMaster();
    BlockManagerId blockManagerId = new BlockManagerId(executorId, "localhost", 0);
    BlockManager blockManager = new BlockManager(blockManagerId, memoryManager, disk, serializer, master,
        conf.getSizeAsBytes("ember.storage.unrollMemoryThreshold", "1m"));
    master.registerBlockManager(blockManagerId, blockManager);
    // The local executor's block manager is the driver's, so broadcast pieces are fetched from it directly.
    BroadcastManager broadcastManager = new BroadcastManager(blockManager, serializer, blockManager::getLocalBytes,
        master, (int) conf.getSizeAsBytes("ember.broadcast.blockSize", "4m"));
    MapOutputTracker tracker = new MapOutputTracker();
    IndexShuffleBlockResolver resolver = new IndexShuffleBlockResolver(disk);
    ShuffleManager shuffleManager = new SortShuffleManager(resolver, serializer, () -> tracker,
        new LocalShuffleBlockClient(resolver), conf);
    return new EmberEnv(executorId, conf, new JavaSerializer(), serializer, memoryManager, blockManager,
        shuffleManager, tracker, master, broadcastManager);
  }

  /**
   * Creates the environment of an executor in its own process. Its block manager reports to {@code listener}
   * (there is no driver registry in this JVM), broadcast pieces come through {@code broadcastFetcher}, map
   * output locations from {@code tracker}, and shuffle slices through the client {@code shuffleClients}
   * builds from this executor's own shuffle files.
   *
   * @param blockManagerId this executor's id, host and block-transfer port
   */
  public static EmberEnv createExecutor(EmberConf conf, BlockManagerId blockManagerId, MapOutputTracker tracker,
      Function<IndexShuffleBlockResolver, ShuffleBlockClient> shuffleClients, BroadcastFetcher broadcastFetcher,
      BlockStatusListener listener) {
    Serializer serializer = SerializerChoice.fromConf(conf);
    MemoryManager memoryManager = MemoryManager.fromConf(conf);
    Path localDir = Path.of(conf.get("ember.local.dir", System.getProperty("java.io.tmpdir")));
    DiskBlockManager disk = new DiskBlockManager(localDir);
    BlockManager blockManager = new BlockManager(blockManagerId, memoryManager, disk, serializer, listener,
        conf.getSizeAsBytes("ember.storage.unrollMemoryThreshold", "1m"));
    BroadcastManager broadcastManager = new BroadcastManager(blockManager, serializer, broadcastFetcher, null,
        (int) conf.getSizeAsBytes("ember.broadcast.blockSize", "4m"));
    IndexShuffleBlockResolver resolver = new IndexShuffleBlockResolver(disk);
    ShuffleManager shuffleManager = new SortShuffleManager(resolver, serializer, () -> tracker,
        shuffleClients.apply(resolver), conf);
    return new EmberEnv(blockManagerId.executorId(), conf, new JavaSerializer(), serializer, memoryManager,
        blockManager, shuffleManager, tracker, null, broadcastManager);
  }

  /** The environment of this process; fails if no context or executor is running. */
  public static EmberEnv get() {
    EmberEnv env = current;
    if (env == null) {
      throw new EmberException("NO_ACTIVE_ENVIRONMENT",
          "No Ember environment is running in this JVM; create an EmberContext first.");
    }
    return env;
  }

  /** Installs {@code env} as this process's environment ({@code null} clears it). */
  public static void set(EmberEnv env) {
    current = env;
  }

  public String executorId() {
    return executorId;
  }

  public EmberConf conf() {
    return conf;
  }

  /** Serializes closures and tasks (Java serialization). */
  public Serializer closureSerializer() {
    return closureSerializer;
  }

  /** Serializes data: shuffle records, cached blocks, task results. */
  public Serializer serializer() {
    return serializer;
  }

  public MemoryManager memoryManager() {
    return memoryManager;
  }

  public BlockManager blockManager() {
    return blockManager;
  }

  public ShuffleManager shuffleManager() {
    return shuffleManager;
  }

  public MapOutputTracker mapOutputTracker() {
    return mapOutputTracker;
  }

  /**
   * The driver's registry of where blocks live; in local mode the driver's environment is the executor's.
   * {@code null} in an executor process.
   */
  public BlockManagerMaster blockManagerMaster() {
    return blockManagerMaster;
  }

  /** Creates broadcast variables (driver) and reads their values (executors). */
  public BroadcastManager broadcastManager() {
    return broadcastManager;
  }

  /** Stops the shuffle and block services and deletes local files. */
  public void stop() {
    shuffleManager.stop();
    blockManager.stop();
  }
}
