package dev.ember.cluster.master;

import dev.ember.cluster.network.TransportConnection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registered worker: its resources, its connection and the executors placed on it. Guarded by the master. */
final class WorkerInfo {

  final String id;
  final String host;
  final int cores;
  final int memoryMb;
  final TransportConnection connection;
  final Map<String, ExecutorDesc> executors = new LinkedHashMap<>();
  long lastHeartbeatMs = System.currentTimeMillis();

  WorkerInfo(String id, String host, int cores, int memoryMb, TransportConnection connection) {
    this.id = id;
    this.host = host;
    this.cores = cores;
    this.memoryMb = memoryMb;
    this.connection = connection;
  }

  int coresUsed() {
    return executors.values().stream().mapToInt(e -> e.cores).sum();
  }

  int memoryUsedMb() {
    return executors.values().stream().mapToInt(e -> e.memoryMb).sum();
  }

  int coresFree() {
    return cores - coresUsed();
  }

  int memoryFreeMb() {
    return memoryMb - memoryUsedMb();
  }

  boolean hasExecutorOf(ApplicationInfo app) {
    return executors.values().stream().anyMatch(e -> e.app == app);
  }
}
