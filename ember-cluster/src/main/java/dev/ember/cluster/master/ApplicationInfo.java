package dev.ember.cluster.master;

import dev.ember.cluster.deploy.DeployMessages;
import dev.ember.cluster.network.TransportConnection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registered application: what it asked for, its connection and its executors. Guarded by the master. */
final class ApplicationInfo {

  final String id;
  final DeployMessages.RegisterApplication request;
  final TransportConnection connection;
  final Map<String, ExecutorDesc> executors = new LinkedHashMap<>();
  int nextExecutorId;
  int failedExecutors;

  ApplicationInfo(String id, DeployMessages.RegisterApplication request, TransportConnection connection) {
    this.id = id;
    this.request = request;
    this.connection = connection;
  }

  int coresGranted() {
    return executors.values().stream().mapToInt(e -> e.cores).sum();
  }

  int coresWanted() {
    return request.maxCores() - coresGranted();
  }
}
