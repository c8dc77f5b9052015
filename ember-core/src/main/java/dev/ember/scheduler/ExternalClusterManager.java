package dev.ember.scheduler;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;

/**
 * A cluster manager that core does not know: the standalone cluster ({@code ember://HOST:PORT}) or, later,
 * Kubernetes. Implementations live in other modules and are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/dev.ember.scheduler.ExternalClusterManager}); the context asks each one
 * whether it accepts the master URL and lets the first that does create the scheduler backend.
 */
public interface ExternalClusterManager {

  /** Whether this cluster manager handles {@code masterUrl}. */
  boolean canCreate(String masterUrl);

  /**
   * Creates the backend that runs the tasks of {@code scheduler} on this cluster's executors. It is started by
   * the context after the DAG scheduler is wired.
   *
   * @param conf the application's configuration
   * @param driverEnv the driver's environment: its block manager serves broadcast pieces, its map output
   *     tracker answers executors
   */
  SchedulerBackend createSchedulerBackend(String masterUrl, EmberConf conf, TaskSchedulerImpl scheduler,
      EmberEnv driverEnv);
}
