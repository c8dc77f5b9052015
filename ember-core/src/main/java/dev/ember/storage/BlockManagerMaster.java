package dev.ember.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's registry of block managers and of which blocks each one holds: it answers where a cached
 * partition lives (for locality), what an RDD has cached (for the storage report), and removes an RDD's or a
 * broadcast's blocks from every executor (for {@code unpersist} and {@code destroy}).
 */
public final class BlockManagerMaster implements BlockStatusListener {

  private static final Logger LOG = LoggerFactory.getLogger(BlockManagerMaster.class);

  private final Map<BlockManagerId, StorageEndpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<BlockId, Map<BlockManagerId, BlockStatus>> blocks = new ConcurrentHashMap<>();

  /** Registers a block manager and the endpoint through which the driver asks it to remove blocks. */
  public void registerBlockManager(BlockManagerId id, StorageEndpoint endpoint) {
    endpoints.put(id, endpoint);
    LOG.debug("Registered block manager {}", id);
  }

  /** Forgets a lost block manager and every block it held. */
  public void removeBlockManager(BlockManagerId id) {
    endpoints.remove(id);
    blocks.values().forEach(holders -> holders.remove(id));
    blocks.values().removeIf(Map::isEmpty);
  }

  @Override
  public void blockUpdated(BlockManagerId blockManagerId, BlockId blockId, BlockStatus status) {
    if (status.isCached()) {
      blocks.computeIfAbsent(blockId, b -> new ConcurrentHashMap<>()).put(blockManagerId, status);
    } else {
      blocks.computeIfPresent(blockId, (b, holders) -> {
        holders.remove(blockManagerId);
        return holders.isEmpty() ? null : holders;
      });
    }
  }

  /** The block managers that hold {@code blockId}. */
  public List<BlockManagerId> getLocations(BlockId blockId) {
    Map<BlockManagerId, BlockStatus> holders = blocks.get(blockId);
    return holders == null ? List.of() : List.copyOf(holders.keySet());
  }

  /** The status of {@code blockId} on each block manager that holds it. */
  public Map<BlockManagerId, BlockStatus> getBlockStatus(BlockId blockId) {
    Map<BlockManagerId, BlockStatus> holders = blocks.get(blockId);
    return holders == null ? Map.of() : Map.copyOf(holders);
  }

  /** The cached blocks of RDD {@code rddId}, on any executor. */
  public List<BlockId.RDDBlockId> getRddBlocks(int rddId) {
    List<BlockId.RDDBlockId> result = new ArrayList<>();
    for (BlockId blockId : blocks.keySet()) {
      if (blockId instanceof BlockId.RDDBlockId rdd && rdd.rddId() == rddId) {
        result.add(rdd);
      }
    }
    return result;
  }

  /** Sums what RDD {@code rddId} has cached over all executors. */
  public RDDInfo rddInfo(int rddId, String name, int numPartitions, StorageLevel level) {
    long memory = 0;
    long disk = 0;
    List<BlockId.RDDBlockId> cached = getRddBlocks(rddId);
    for (BlockId.RDDBlockId blockId : cached) {
      for (BlockStatus status : getBlockStatus(blockId).values()) {
        memory += status.memorySize();
        disk += status.diskSize();
      }
    }
    return new RDDInfo(rddId, name, numPartitions, level, cached.size(), memory, disk);
  }

  /** Asks every block manager to drop RDD {@code rddId}'s blocks; returns how many were dropped. */
  public int removeRdd(int rddId) {
    int removed = 0;
    for (StorageEndpoint endpoint : endpoints.values()) {
      removed += endpoint.removeRdd(rddId);
    }
    return removed;
  }

  /**
   * Asks every block manager to drop broadcast {@code broadcastId}'s blocks: the executors' copies, and with
   * {@code includePieces} also the serialized pieces tasks fetch it from.
   */
  public int removeBroadcast(long broadcastId, boolean includePieces) {
    int removed = 0;
    for (StorageEndpoint endpoint : endpoints.values()) {
      removed += endpoint.removeBroadcast(broadcastId, includePieces);
    }
    return removed;
  }
}
