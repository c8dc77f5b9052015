package dev.ember.broadcast;

import dev.ember.storage.BlockId;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Fetches one serialized piece of a broadcast value that this executor does not hold. In local mode the
 * pieces are in the executor's own block manager (it is the driver's); a cluster executor fetches them from
 * the driver or from other executors over the network.
 */
@FunctionalInterface
public interface BroadcastFetcher {

  /** The bytes of {@code piece}, or empty if no one holds it (the broadcast was destroyed). */
  Optional<ByteBuffer> fetchPiece(BlockId.BroadcastBlockId piece);
}
