package dev.ember.cluster.executor;

import dev.ember.EmberException;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.scheduler.ClusterMessages;
import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads cached RDD partitions that other executors hold: asks the driver where the block is and fetches it
 * from the first holder that answers. Any failure means "not found", and the partition is computed instead.
 */
final class RemoteBlocks {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteBlocks.class);

  private final String executorId;
  private final TransportConnection driver;
  private final NetworkShuffleBlockClient client;
  private final Duration timeout;

  RemoteBlocks(String executorId, TransportConnection driver, NetworkShuffleBlockClient client, Duration timeout) {
    this.executorId = executorId;
    this.driver = driver;
    this.client = client;
    this.timeout = timeout;
  }

  Optional<ByteBuffer> fetchBlock(BlockId blockId) {
    if (!(blockId instanceof BlockId.RDDBlockId)) {
      return Optional.empty();
    }
    ClusterMessages.BlockLocations locations;
    try {
      locations = driver.askSync(new ClusterMessages.GetBlockLocations(blockId), timeout);
    } catch (EmberException e) {
      LOG.debug("Could not ask the driver where {} is: {}", blockId, e.getMessage());
      return Optional.empty();
    }
    for (BlockManagerId location : locations.locations()) {
      if (location.executorId().equals(executorId)) {
        continue;
      }
      Optional<byte[]> bytes = client.fetchBlock(location, blockId);
      if (bytes.isPresent()) {
        LOG.debug("Read {} from {}", blockId, location);
        return bytes.map(ByteBuffer::wrap);
      }
    }
    return Optional.empty();
  }
}
