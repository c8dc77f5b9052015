package dev.ember.storage;

import dev.ember.TaskContext;
import dev.ember.memory.MemoryManager;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerInstance;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor's store of blocks: cached RDD partitions and broadcast values, kept in a {@link MemoryStore} and
 * a {@link DiskStore} as their storage level says. Memory is taken from the executor's {@link MemoryManager};
 * when it runs out, least recently used blocks are evicted (to disk if their level allows). Every change of a
 * block is reported to the driver through a {@link BlockStatusListener}.
 */
public final class BlockManager implements StorageEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(BlockManager.class);
  private static final long DEFAULT_UNROLL_BYTES = 1024 * 1024;

  private final BlockManagerId id;
  private final MemoryManager memoryManager;
  private final DiskBlockManager diskBlockManager;
  private final Serializer serializer;
  private final BlockStatusListener listener;
  private final MemoryStore memoryStore;
  private final DiskStore diskStore;
  private final Map<BlockId, StorageLevel> levels = new ConcurrentHashMap<>();
  private volatile RemoteBlockFetcher remoteFetcher = RemoteBlockFetcher.NONE;

  /** A block manager that reports block changes nowhere. */
  public BlockManager(BlockManagerId id, MemoryManager memoryManager, DiskBlockManager diskBlockManager,
      Serializer serializer) {
    this(id, memoryManager, diskBlockManager, serializer, BlockStatusListener.none(), DEFAULT_UNROLL_BYTES);
  }

  /**
   * Creates a block manager and installs its memory store as {@code memoryManager}'s storage evictor.
   *
   * @param listener receives every change of a block's status (the driver's registry)
   * @param initialUnrollBytes the memory reserved before unrolling a block
   *     ({@code spark.storage.unrollMemoryThreshold})
   */
  public BlockManager(BlockManagerId id, MemoryManager memoryManager, DiskBlockManager diskBlockManager,
      Serializer serializer, BlockStatusListener listener, long initialUnrollBytes) {
    this.id = id;
    this.memoryManager = memoryManager;
    this.diskBlockManager = diskBlockManager;
    this.serializer = serializer;
    this.listener = listener;
    this.memoryStore = new MemoryStore(memoryManager, initialUnrollBytes);
    this.diskStore = new DiskStore(diskBlockManager);
    memoryStore.setEvictionHandler(this::dropFromMemory);
    memoryManager.setStorageEvictor(memoryStore::evictBlocksToFreeSpace);
  }

  /** Where this block manager lives. */
  public BlockManagerId blockManagerId() {
    return id;
  }

  /** The local directories of this executor. */
  public DiskBlockManager diskBlockManager() {
    return diskBlockManager;
  }

  /** The pool cached blocks take their memory from. */
  public MemoryManager memoryManager() {
    return memoryManager;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading and writing blocks

  /**
   * The records of {@code blockId} if it is stored here or, through the {@link RemoteBlockFetcher}, on another
   * executor; otherwise computes them with {@code compute}, stores them at {@code level} (as far as memory
   * allows) and returns them. A block too big for memory at a
   * memory-only level is not stored: the computed records are returned as they come.
   */
  public <T> Iterator<T> getOrElseUpdate(BlockId blockId, StorageLevel level, Supplier<Iterator<T>> compute) {
    Optional<Iterator<T>> cached = getLocalValues(blockId);
    if (cached.isPresent()) {
      return cached.get();
    }
    Optional<ByteBuffer> remote = remoteFetcher.fetchBlock(blockId);
    if (remote.isPresent()) {
      byte[] bytes = new byte[remote.get().remaining()];
      remote.get().duplicate().get(bytes);
      countBytesRead(bytes.length);
      return serializer.newInstance().deserializeStream(new ByteArrayInputStream(bytes)).asIterator();
    }
    return putIterator(blockId, compute.get(), level);
  }

  /**
   * Lets {@link #getOrElseUpdate} read blocks other executors hold before computing them (a cluster executor
   * sets this once at start).
   */
  public void setRemoteBlockFetcher(RemoteBlockFetcher fetcher) {
    this.remoteFetcher = java.util.Objects.requireNonNull(fetcher, "fetcher is null");
  }

  /**
   * Stores {@code values} as {@code blockId} at {@code level} and returns the values for the caller to use:
   * read back from the store when stored, or the values as computed when they did not fit.
   */
  public <T> Iterator<T> putIterator(BlockId blockId, Iterator<T> values, StorageLevel level) {
    if (!level.isValid()) {
      throw new IllegalArgumentException("Cannot store block " + blockId.name() + " at storage level NONE.");
    }
    if (level.replication() > 1) {
      LOG.debug("Block {} asks for {} replicas; a local executor has no peers, so one copy is kept",
          blockId.name(), level.replication());
    }
    levels.put(blockId, level);
    if (level.useMemory()) {
      MemoryStore.PutResult<T> result = level.deserialized()
          ? memoryStore.putIteratorAsValues(blockId, values)
          : memoryStore.putIteratorAsBytes(blockId, values, serializer.newInstance());
      if (result.stored() || memoryStore.contains(blockId)) {
        reportStatus(blockId);
        return this.<T>getLocalValues(blockId).orElseThrow();
      }
      values = result.remainingValues();
      if (!level.useDisk()) {
        levels.remove(blockId);
        LOG.debug("Block {} does not fit in memory; returning it without caching", blockId.name());
        return values;
      }
    }
    Iterator<T> toWrite = values;
    diskStore.put(blockId, out -> writeValues(out, toWrite));
    reportStatus(blockId);
    return readValuesFromDisk(blockId);
  }

  /** Stores one object as {@code blockId}; returns whether it was stored. */
  public boolean putSingle(BlockId blockId, Object value, StorageLevel level) {
    putIterator(blockId, List.of(value).iterator(), level);
    return contains(blockId);
  }

  /**
   * Stores already-serialized {@code bytes} as {@code blockId} (memory first if the level allows, else disk);
   * returns whether it was stored.
   */
  public boolean putBytes(BlockId blockId, ByteBuffer bytes, StorageLevel level) {
    byte[] array = new byte[bytes.remaining()];
    bytes.duplicate().get(array);
    levels.put(blockId, level);
    boolean stored = level.useMemory() && memoryStore.putBytes(blockId, array);
    if (!stored && level.useDisk()) {
      diskStore.putBytes(blockId, array);
      stored = true;
    }
    if (stored) {
      reportStatus(blockId);
    } else {
      levels.remove(blockId);
    }
    return stored;
  }

  /** The records of {@code blockId} if it is stored here, from memory or disk. */
  @SuppressWarnings("unchecked")
  public <T> Optional<Iterator<T>> getLocalValues(BlockId blockId) {
    Optional<MemoryEntry> entry = memoryStore.get(blockId);
    if (entry.isPresent()) {
      countBytesRead(entry.get().size());
      if (entry.get() instanceof MemoryEntry.Values values) {
        return Optional.of((Iterator<T>) values.values().iterator());
      }
      byte[] bytes = ((MemoryEntry.Bytes) entry.get()).bytes();
      return Optional.of(serializer.newInstance().deserializeStream(new ByteArrayInputStream(bytes)).asIterator());
    }
    if (diskStore.contains(blockId)) {
      countBytesRead(diskStore.getSize(blockId));
      return Optional.of(readValuesFromDisk(blockId));
    }
    return Optional.empty();
  }

  /** The serialized bytes of {@code blockId} if it is stored here (a block of values is serialized first). */
  public Optional<ByteBuffer> getLocalBytes(BlockId blockId) {
    Optional<MemoryEntry> entry = memoryStore.get(blockId);
    if (entry.isPresent()) {
      if (entry.get() instanceof MemoryEntry.Bytes bytes) {
        return Optional.of(ByteBuffer.wrap(bytes.bytes()).asReadOnlyBuffer());
      }
      MemoryEntry.Values values = (MemoryEntry.Values) entry.get();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writeValues(out, values.values().iterator());
      return Optional.of(ByteBuffer.wrap(out.toByteArray()));
    }
    if (diskStore.contains(blockId)) {
      return Optional.of(ByteBuffer.wrap(diskStore.getBytes(blockId)));
    }
    return Optional.empty();
  }

  private void writeValues(OutputStream out, Iterator<?> values) {
    SerializationStream stream = serializer.newInstance().serializeStream(out);
    while (values.hasNext()) {
      stream.writeObject(values.next());
    }
    stream.close();
  }

  private <T> Iterator<T> readValuesFromDisk(BlockId blockId) {
    InputStream in = new BufferedInputStream(diskStore.open(blockId), 64 * 1024);
    TaskContext context = TaskContext.get();
    if (context != null) {
      context.addTaskCompletionListener(c -> closeQuietly(in));
    }
    SerializerInstance instance = serializer.newInstance();
    return instance.deserializeStream(in).asIterator();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void countBytesRead(long bytes) {
    TaskContext context = TaskContext.get();
    if (context != null) {
      context.taskMetrics().incInput(0, bytes);
    }
  }

  /** Called by the memory store for each evicted block: moves it to disk if its level allows. */
  private void dropFromMemory(BlockId blockId, MemoryEntry entry) {
    StorageLevel level = levels.get(blockId);
    if (level != null && level.useDisk() && !diskStore.contains(blockId)) {
      LOG.debug("Writing evicted block {} to disk", blockId.name());
      if (entry instanceof MemoryEntry.Bytes bytes) {
        diskStore.putBytes(blockId, bytes.bytes());
      } else {
        StoredValues values = ((MemoryEntry.Values) entry).values();
        diskStore.put(blockId, out -> writeValues(out, values.iterator()));
      }
    } else if (!diskStore.contains(blockId)) {
      LOG.debug("Evicted block {} from memory", blockId.name());
      levels.remove(blockId);
    }
    reportStatus(blockId);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Status and removal

  /** Where {@code blockId} is kept here and its sizes; {@link BlockStatus#EMPTY} if it is not stored. */
  public BlockStatus getStatus(BlockId blockId) {
    StorageLevel level = levels.get(blockId);
    long memory = memoryStore.get(blockId).map(MemoryEntry::size).orElse(0L);
    long disk = diskStore.getSize(blockId);
    if (level == null || memory == 0 && disk == 0) {
      return BlockStatus.EMPTY;
    }
    return new BlockStatus(level, memory, disk);
  }

  private void reportStatus(BlockId blockId) {
    listener.blockUpdated(id, blockId, getStatus(blockId));
  }

  /** Whether {@code blockId} is stored here, in memory or on disk. */
  public boolean contains(BlockId blockId) {
    return memoryStore.contains(blockId) || diskStore.contains(blockId);
  }

  /** The ids of the blocks stored here. */
  public List<BlockId> blockIds() {
    List<BlockId> ids = new ArrayList<>(memoryStore.blockIds());
    levels.keySet().stream().filter(b -> !ids.contains(b) && diskStore.contains(b)).forEach(ids::add);
    return ids;
  }

  /** The storage memory held by blocks in memory. */
  public long memoryUsed() {
    return memoryStore.memoryUsed();
  }

  @Override
  public boolean removeBlock(BlockId blockId) {
    boolean inMemory = memoryStore.remove(blockId);
    boolean onDisk = diskStore.remove(blockId);
    levels.remove(blockId);
    if (inMemory || onDisk) {
      reportStatus(blockId);
    }
    return inMemory || onDisk;
  }

  @Override
  public int removeRdd(int rddId) {
    int removed = 0;
    for (BlockId blockId : blockIds()) {
      if (blockId instanceof BlockId.RDDBlockId rdd && rdd.rddId() == rddId && removeBlock(blockId)) {
        removed++;
      }
    }
    return removed;
  }

  @Override
  public int removeBroadcast(long broadcastId, boolean includePieces) {
    int removed = 0;
    for (BlockId blockId : blockIds()) {
      if (blockId instanceof BlockId.BroadcastBlockId b && b.broadcastId() == broadcastId
          && (includePieces || b.piece() < 0) && removeBlock(blockId)) {
        removed++;
      }
    }
    return removed;
  }

  /** Drops every block and deletes local files. */
  public void stop() {
    for (BlockId blockId : blockIds()) {
      memoryStore.remove(blockId);
    }
    memoryStore.clear();
    levels.clear();
    diskBlockManager.stop();
  }
}
