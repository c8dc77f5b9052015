package dev.ember.cluster.deploy;

import java.io.Serializable;

/**
 * The messages of the standalone cluster manager: workers and applications connect to the master, and the
 * master answers and commands over those same connections.
 */
public final class DeployMessages {

  private DeployMessages() {}

  /** Worker to master (request): join the cluster; answered with {@link RegisteredWorker}. */
  public record RegisterWorker(String workerId, String host, int cores, int memoryMb) implements Serializable {}

  /** Master to worker: the registration was accepted. */
  public record RegisteredWorker(String masterUrl) implements Serializable {}

  /** Worker to master (one-way): still alive. */
  public record WorkerHeartbeat(String workerId) implements Serializable {}

  /** Master to worker (one-way): the master does not know you (it restarted); register again. */
  public record ReconnectWorker(String masterUrl) implements Serializable {}

  /** Master to worker (one-way): start an executor process for an application. */
  public record LaunchExecutor(String appId, String executorId, String driverHost, int driverPort, int cores,
      int memoryMb) implements Serializable {}

  /** Master to worker (one-way): stop an executor process. */
  public record KillExecutor(String appId, String executorId) implements Serializable {}

  /**
   * Worker to master (one-way): an executor process changed state.
   *
   * @param state {@code RUNNING} (with its pid) or {@code EXITED} (with its exit code)
   */
  public record ExecutorStateChanged(String appId, String executorId, String state, long pid, int exitCode)
      implements Serializable {}

  /** Application to master (request): ask for executors; answered with {@link RegisteredApplication}. */
  public record RegisterApplication(String name, String driverHost, int driverPort, int coresPerExecutor,
      int memoryPerExecutorMb, int maxCores) implements Serializable {}

  /** Master to application: its id. */
  public record RegisteredApplication(String appId) implements Serializable {}

  /** Application to master (one-way): it is done; stop its executors. */
  public record UnregisterApplication(String appId) implements Serializable {}

  /** Master to application (one-way): an executor was granted on a worker. */
  public record ExecutorAdded(String executorId, String workerId, String host, int cores) implements Serializable {}

  /** Master to application (one-way): an executor is gone (its process exited or its worker was lost). */
  public record ExecutorRemoved(String executorId, String reason) implements Serializable {}
}
