package dev.ember.cluster.scheduler;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import dev.ember.cluster.deploy.MasterAddress;
import dev.ember.scheduler.ExternalClusterManager;
import dev.ember.scheduler.SchedulerBackend;
import dev.ember.scheduler.TaskSchedulerImpl;

/** Core's entry to the standalone cluster: accepts {@code ember://HOST:PORT} master URLs. */
public final class StandaloneClusterManager implements ExternalClusterManager {

  @Override
  public boolean canCreate(String masterUrl) {
    return MasterAddress.accepts(masterUrl);
  }

  @Override
  public SchedulerBackend createSchedulerBackend(String masterUrl, EmberConf conf, TaskSchedulerImpl scheduler,
      EmberEnv driverEnv) {
    return new ClusterSchedulerBackend(MasterAddress.parse(masterUrl), conf, scheduler, driverEnv);
  }
}
