package dev.ember.cluster.executor;

import dev.ember.EmberEnv;
import dev.ember.cluster.network.RpcHandler;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.scheduler.ClusterMessages;
import dev.ember.executor.Executor;
import dev.ember.executor.ExecutorBackend;
import dev.ember.scheduler.TaskState;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor process's end of its connection to the driver: runs the tasks the driver launches on core's
 * {@link Executor}, sends their state changes back, and exits the process when the driver stops it or goes
 * away.
 */
final class ClusterExecutorBackend implements ExecutorBackend, RpcHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterExecutorBackend.class);

  private final String executorId;
  private final CompletableFuture<Executor> executor = new CompletableFuture<>();
  private final CompletableFuture<EmberEnv> env = new CompletableFuture<>();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private volatile TransportConnection driver;

  ClusterExecutorBackend(String executorId) {
    this.executorId = executorId;
  }

  void ready(TransportConnection driverConnection, Executor taskRunner, EmberEnv environment) {
    this.driver = driverConnection;
    env.complete(environment);
    executor.complete(taskRunner);
  }

  /** Completes with the process's exit code once the driver stopped this executor or went away. */
  CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public void statusUpdate(long taskId, TaskState state, ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    driver.send(new ClusterMessages.StatusUpdate(executorId, taskId, state, bytes));
  }

  @Override
  public Object receive(TransportConnection connection, Object message) {
    if (message instanceof ClusterMessages.LaunchTask launch) {
      env.join().mapOutputTracker().updateEpoch(launch.epoch());
      executor.join().launchTask(this, launch.task());
    } else if (message instanceof ClusterMessages.KillTask kill) {
      executor.join().killTask(kill.taskId(), kill.interruptThread(), kill.reason());
    } else if (message instanceof ClusterMessages.RemoveRdd remove) {
      env.join().blockManager().removeRdd(remove.rddId());
    } else if (message instanceof ClusterMessages.RemoveBroadcast remove) {
      env.join().blockManager().removeBroadcast(remove.broadcastId(), remove.includePieces());
    } else if (message instanceof ClusterMessages.StopExecutor) {
      LOG.info("The driver asked executor {} to stop", executorId);
      exitCode.complete(0);
    }
    return null;
  }

  @Override
  public void connectionClosed(TransportConnection connection) {
    LOG.warn("Lost the connection to the driver; executor {} exits", executorId);
    exitCode.complete(1);
  }
}
