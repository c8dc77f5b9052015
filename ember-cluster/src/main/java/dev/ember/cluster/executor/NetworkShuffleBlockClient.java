package dev.ember.cluster.executor;

import dev.ember.EmberException;
import dev.ember.cluster.network.RawBytes;
import dev.ember.cluster.network.TransportClient;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.scheduler.ClusterMessages;
import dev.ember.shuffle.IndexShuffleBlockResolver;
import dev.ember.shuffle.ShuffleBlockClient;
import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens shuffle slices in a cluster: this executor's own from its files, others' over the network from the
 * block server of the executor that wrote them (one cached connection per server). Also fetches cached blocks
 * from other executors.
 */
final class NetworkShuffleBlockClient implements ShuffleBlockClient {

  private final String executorId;
  private final IndexShuffleBlockResolver resolver;
  private final String secret;
  private final Duration timeout;
  private final Map<String, TransportConnection> connections = new ConcurrentHashMap<>();

  NetworkShuffleBlockClient(String executorId, IndexShuffleBlockResolver resolver, String secret, Duration timeout) {
    this.executorId = executorId;
    this.resolver = resolver;
    this.secret = secret;
    this.timeout = timeout;
  }

  @Override
  public InputStream openBlock(BlockManagerId location, BlockId.ShuffleBlockId blockId) throws IOException {
    if (location.executorId().equals(executorId)) {
      return resolver.openBlock(blockId);
    }
    TransportConnection connection;
    try {
      connection = connection(location);
    } catch (EmberException e) {
      throw new IOException("Could not reach " + location + " for " + blockId + ": " + e.getMessage(), e);
    }
    return new RemoteBlockInputStream((offset, length) -> {
      try {
        RawBytes chunk = connection.askSync(new ClusterMessages.FetchShuffleBlock(blockId, offset, length), timeout);
        return chunk.bytes();
      } catch (EmberException e) {
        throw new IOException("Could not fetch " + blockId + " from " + location + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * The bytes of cached block {@code blockId} held by the block manager at {@code location}, or empty if it is
   * gone or cannot be reached.
   */
  java.util.Optional<byte[]> fetchBlock(BlockManagerId location, BlockId blockId) {
    try {
      RawBytes bytes = connection(location).askSync(new ClusterMessages.FetchBlock(blockId), timeout);
      return java.util.Optional.ofNullable(bytes).map(RawBytes::bytes);
    } catch (EmberException e) {
      return java.util.Optional.empty();
    }
  }

  private TransportConnection connection(BlockManagerId location) {
    String key = location.host() + ":" + location.port();
    TransportConnection existing = connections.get(key);
    if (existing != null && existing.isOpen()) {
      return existing;
    }
    TransportConnection opened = TransportClient.connect(location.host(), location.port(), secret,
        (connection, message) -> null, timeout);
    connections.put(key, opened);
    return opened;
  }

  void close() {
    connections.values().forEach(TransportConnection::close);
  }
}
