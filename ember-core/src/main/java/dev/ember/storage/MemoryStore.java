package dev.ember.storage;

import dev.ember.memory.MemoryManager;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.SerializerInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps blocks in memory, accounting every byte with the {@link MemoryManager}'s storage memory, and evicts the
 * least recently used blocks when memory is needed (never blocks of the RDD being stored, which would only be
 * recomputed). A block is unrolled incrementally: memory is reserved as values arrive, so a partition larger
 * than memory is given back as an iterator instead of exhausting the heap.
 */
final class MemoryStore {

  /** What a block manager does with a block evicted from memory (for example write it to disk). */
  interface EvictionHandler {
    void dropFromMemory(BlockId blockId, MemoryEntry entry);
  }

  /** The outcome of storing an iterator: stored with its size, or not stored and the values to use instead. */
  record PutResult<T>(boolean stored, long size, Iterator<T> remainingValues) {}

  private static final double GROWTH = 1.5;
  private static final int CHECK_PERIOD = 16;
  /** The RDD whose block this thread is storing; its other blocks must not be evicted to make room. */
  private static final ThreadLocal<Integer> STORING_RDD = new ThreadLocal<>();

  private final MemoryManager memoryManager;
  private final long initialUnrollBytes;
  private final LinkedHashMap<BlockId, MemoryEntry> entries = new LinkedHashMap<>(32, 0.75f, true);
  private volatile EvictionHandler evictionHandler = (id, entry) -> { };

  MemoryStore(MemoryManager memoryManager, long initialUnrollBytes) {
    this.memoryManager = memoryManager;
    this.initialUnrollBytes = initialUnrollBytes;
  }

  void setEvictionHandler(EvictionHandler handler) {
    this.evictionHandler = handler;
  }

  /** Stores {@code bytes} as one block if memory can be found; returns whether it was stored. */
  boolean putBytes(BlockId blockId, byte[] bytes) {
    if (!acquire(blockId, bytes.length)) {
      return false;
    }
    return insert(blockId, new MemoryEntry.Bytes(bytes));
  }

  /**
   * Unrolls {@code values} into a block, reserving memory as it grows; numeric records are kept in a primitive
   * array from the start (see {@link ValuesBuilder}).
   */
  <T> PutResult<T> putIteratorAsValues(BlockId blockId, Iterator<T> values) {
    ValuesBuilder builder = new ValuesBuilder();
    long reserved = acquire(blockId, initialUnrollBytes) ? initialUnrollBytes : 0;
    boolean fits = reserved > 0;
    while (fits && values.hasNext()) {
      builder.add(values.next());
      if (builder.count() % CHECK_PERIOD == 0 || !values.hasNext()) {
        long needed = builder.estimatedBytes();
        if (needed > reserved) {
          long granted = grow(blockId, reserved, needed);
          fits = granted > 0;
          reserved += granted;
        }
      }
    }
    if (!fits) {
      return new PutResult<>(false, 0, new PartiallyUnrolledIterator<>(builder.iterator(), values, memoryManager,
          reserved));
    }
    StoredValues stored = builder.build();
    long size = stored.sizeInBytes();
    memoryManager.releaseStorageMemory(reserved - size);
    boolean inserted = insert(blockId, new MemoryEntry.Values(stored));
    return new PutResult<>(inserted, inserted ? size : 0, null);
  }

  /** Serializes {@code values} into bytes, reserving memory as the bytes grow. */
  <T> PutResult<T> putIteratorAsBytes(BlockId blockId, Iterator<T> values, SerializerInstance serializer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = serializer.serializeStream(bytes);
    long reserved = acquire(blockId, initialUnrollBytes) ? initialUnrollBytes : 0;
    boolean fits = reserved > 0;
    long count = 0;
    while (fits && values.hasNext()) {
      out.writeObject(values.next());
      if (++count % CHECK_PERIOD == 0 || !values.hasNext()) {
        out.flush();
        if (bytes.size() > reserved) {
          long granted = grow(blockId, reserved, bytes.size());
          fits = granted > 0;
          reserved += granted;
        }
      }
    }
    out.close();
    if (!fits) {
      Iterator<T> written = serializer.deserializeStream(new ByteArrayInputStream(bytes.toByteArray())).asIterator();
      return new PutResult<>(false, 0, new PartiallyUnrolledIterator<>(written, values, memoryManager, reserved));
    }
    byte[] array = bytes.toByteArray();
    memoryManager.releaseStorageMemory(reserved - array.length);
    boolean stored = insert(blockId, new MemoryEntry.Bytes(array));
    return new PutResult<>(stored, stored ? array.length : 0, null);
  }

  /** Reserves room for {@code needed} bytes, with headroom when it can be had; returns the bytes granted. */
  private long grow(BlockId blockId, long reserved, long needed) {
    long generous = (long) (needed * GROWTH) - reserved;
    if (acquire(blockId, generous)) {
      return generous;
    }
    return acquire(blockId, needed - reserved) ? needed - reserved : 0;
  }

  private boolean acquire(BlockId blockId, long bytes) {
    Integer previous = STORING_RDD.get();
    if (blockId instanceof BlockId.RDDBlockId rdd) {
      STORING_RDD.set(rdd.rddId());
    }
    try {
      return memoryManager.acquireStorageMemory(bytes);
    } finally {
      STORING_RDD.set(previous);
    }
  }

  /** Adds an entry whose memory is already acquired; if another task stored the block first, gives it back. */
  private boolean insert(BlockId blockId, MemoryEntry entry) {
    synchronized (entries) {
      if (!entries.containsKey(blockId)) {
        entries.put(blockId, entry);
        return true;
      }
    }
    memoryManager.releaseStorageMemory(entry.size());
    return false;
  }

  /** The entry of {@code blockId}, marking it most recently used. */
  Optional<MemoryEntry> get(BlockId blockId) {
    synchronized (entries) {
      return Optional.ofNullable(entries.get(blockId));
    }
  }

  boolean contains(BlockId blockId) {
    synchronized (entries) {
      return entries.containsKey(blockId);
    }
  }

  /** Drops {@code blockId} and releases its memory; returns whether it was here. */
  boolean remove(BlockId blockId) {
    MemoryEntry removed;
    synchronized (entries) {
      removed = entries.remove(blockId);
    }
    if (removed != null) {
      memoryManager.releaseStorageMemory(removed.size());
    }
    return removed != null;
  }

  /** The ids of the blocks held, in least-recently-used order. */
  List<BlockId> blockIds() {
    synchronized (entries) {
      return List.copyOf(entries.keySet());
    }
  }

  /** The bytes held by all entries. */
  long memoryUsed() {
    synchronized (entries) {
      return entries.values().stream().mapToLong(MemoryEntry::size).sum();
    }
  }

  /**
   * Evicts least recently used blocks until {@code space} bytes are free, skipping blocks of the RDD this
   * thread is storing; evicts nothing if that much cannot be freed. Returns the bytes freed. This is the
   * memory manager's storage evictor.
   */
  long evictBlocksToFreeSpace(long space) {
    Integer excludedRdd = STORING_RDD.get();
    List<Map.Entry<BlockId, MemoryEntry>> victims = new ArrayList<>();
    long freed = 0;
    synchronized (entries) {
      for (Map.Entry<BlockId, MemoryEntry> entry : entries.entrySet()) {
        if (freed >= space) {
          break;
        }
        if (excludedRdd != null && entry.getKey() instanceof BlockId.RDDBlockId rdd && rdd.rddId() == excludedRdd) {
          continue;
        }
        victims.add(Map.entry(entry.getKey(), entry.getValue()));
        freed += entry.getValue().size();
      }
      if (freed < space) {
        return 0;
      }
      Set<BlockId> ids = entries.keySet();
      victims.forEach(v -> ids.remove(v.getKey()));
    }
    for (Map.Entry<BlockId, MemoryEntry> victim : victims) {
      evictionHandler.dropFromMemory(victim.getKey(), victim.getValue());
      memoryManager.releaseStorageMemory(victim.getValue().size());
    }
    return freed;
  }

  /** Drops every block. */
  void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
