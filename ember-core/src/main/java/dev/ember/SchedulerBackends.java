package dev.ember;

import dev.ember.scheduler.ExternalClusterManager;
import java.util.ServiceLoader;

/**
 * Chooses how a master URL runs tasks: in this JVM ({@code local[...]}) or on a cluster manager found on the
 * classpath.
 */
final class SchedulerBackends {

  private SchedulerBackends() {}

  /** Whether {@code master} names local mode, which core runs itself. */
  static boolean isLocal(String master) {
    return master.trim().startsWith("local");
  }

  /**
   * The cluster manager on the classpath that accepts {@code master}.
   *
   * @throws EmberException {@code INVALID_MASTER_URL} if none does
   */
  static ExternalClusterManager clusterManagerFor(String master, ClassLoader loader) {
    for (ExternalClusterManager manager : ServiceLoader.load(ExternalClusterManager.class, loader)) {
      if (manager.canCreate(master)) {
        return manager;
      }
    }
    String hint = master.trim().startsWith("ember://")
        ? " No cluster manager on the classpath accepts it: add the ember-cluster module to the classpath."
        : " Use local, local[N], local[*], local[N,F] or ember://HOST:PORT.";
    throw new EmberException("INVALID_MASTER_URL", "Could not parse master URL '" + master + "'." + hint);
  }
}
