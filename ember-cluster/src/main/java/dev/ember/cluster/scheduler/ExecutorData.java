package dev.ember.cluster.scheduler;

import dev.ember.cluster.network.TransportConnection;
import dev.ember.storage.BlockManagerId;

/** The driver's view of one registered executor. Its mutable fields are touched on the backend's endpoint thread. */
final class ExecutorData {

  final String executorId;
  final String host;
  final int cores;
  final TransportConnection connection;
  final BlockManagerId blockManagerId;
  int freeCores;
  volatile long lastHeartbeatMs = System.currentTimeMillis();

  ExecutorData(String executorId, String host, int cores, TransportConnection connection,
      BlockManagerId blockManagerId) {
    this.executorId = executorId;
    this.host = host;
    this.cores = cores;
    this.connection = connection;
    this.blockManagerId = blockManagerId;
    this.freeCores = cores;
  }
}
