package dev.ember.cluster.scheduler;

import dev.ember.cluster.network.TransportConnection;
import dev.ember.storage.BlockId;
import dev.ember.storage.StorageEndpoint;

/**
 * Lets the driver's block manager registry ask an executor process to drop blocks. The messages are one-way,
 * so the counts returned are 0: the executor reports what it removed through its block updates.
 */
final class RemoteStorageEndpoint implements StorageEndpoint {

  private final TransportConnection executor;

  RemoteStorageEndpoint(TransportConnection executor) {
    this.executor = executor;
  }

  @Override
  public int removeRdd(int rddId) {
    executor.send(new ClusterMessages.RemoveRdd(rddId));
    return 0;
  }

  @Override
  public int removeBroadcast(long broadcastId, boolean includePieces) {
    executor.send(new ClusterMessages.RemoveBroadcast(broadcastId, includePieces));
    return 0;
  }

  @Override
  public boolean removeBlock(BlockId blockId) {
    return false;
  }
}
