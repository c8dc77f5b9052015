package dev.ember.storage;

/**
 * What the driver's {@link BlockManagerMaster} may ask of an executor's block manager. In local mode the block
 * manager answers directly; a cluster executor answers messages sent over the network.
 */
public interface StorageEndpoint {

  /** Drops all blocks of RDD {@code rddId}; returns how many there were. */
  int removeRdd(int rddId);

  /** Drops the blocks of broadcast {@code broadcastId}: only the executor's copy, or also the pieces. */
  int removeBroadcast(long broadcastId, boolean includePieces);

  /** Drops one block; returns whether it was there. */
  boolean removeBlock(BlockId blockId);
}
