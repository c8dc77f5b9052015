package dev.ember.storage;

import dev.ember.memory.MemoryManager;
import dev.ember.serializer.Serializer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An executor's store of blocks: cached RDD partitions and broadcast values, kept in memory and on local disk
 * as their storage level says.
 */
public final class BlockManager {

  private final BlockManagerId id;
  private final MemoryManager memoryManager;
  private final DiskBlockManager diskBlockManager;
  private final Serializer serializer;
  private final Map<BlockId, List<Object>> memory = new ConcurrentHashMap<>();

  public BlockManager(BlockManagerId id, MemoryManager memoryManager, DiskBlockManager diskBlockManager,
      Serializer serializer) {
    this.id = id;
    this.memoryManager = memoryManager;
    this.diskBlockManager = diskBlockManager;
    this.serializer = serializer;
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

  /**
   * The records of {@code blockId} if it is stored here; otherwise computes them with {@code compute}, stores
   * them at {@code level} and returns them.
   */
  @SuppressWarnings("unchecked")
  public <T> Iterator<T> getOrElseUpdate(BlockId blockId, StorageLevel level, Supplier<Iterator<T>> compute) {
    List<Object> cached = memory.get(blockId);
    if (cached != null) {
      return (Iterator<T>) cached.iterator();
    }
    List<Object> values = new ArrayList<>();
    compute.get().forEachRemaining(values::add);
    memory.put(blockId, values);
    return (Iterator<T>) values.iterator();
  }

  /** Whether {@code blockId} is stored here. */
  public boolean contains(BlockId blockId) {
    return memory.containsKey(blockId);
  }

  /** Drops one block; returns whether it was there. */
  public boolean removeBlock(BlockId blockId) {
    return memory.remove(blockId) != null;
  }

  /** Drops all blocks of RDD {@code rddId}; returns how many there were. */
  public int removeRdd(int rddId) {
    int before = memory.size();
    memory.keySet().removeIf(b -> b instanceof BlockId.RDDBlockId r && r.rddId() == rddId);
    return before - memory.size();
  }

  /** Drops every block and deletes local files. */
  public void stop() {
    memory.clear();
    diskBlockManager.stop();
  }
}
