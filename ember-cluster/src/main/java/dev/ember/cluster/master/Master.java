package dev.ember.cluster.master;

import dev.ember.EmberConf;
import dev.ember.cluster.deploy.CommandLine;
import dev.ember.cluster.deploy.DeployMessages;
import dev.ember.cluster.network.RpcHandler;
import dev.ember.cluster.network.TransportConf;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.network.TransportServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone master. Workers register with their cores and memory and heartbeat; applications register
 * and ask for executors, which the master places on workers ({@link ExecutorAllocator}), relaunches when
 * their process exits, and takes away when their worker is lost (its connection closes or its heartbeats stop
 * for {@code spark.worker.timeout}, 60 s).
 *
 * <pre>{@code
 * bin/ember-master --host 0.0.0.0 --port 7077 --webui-port 8080
 * }</pre>
 */
public final class Master implements RpcHandler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Master.class);

  private final String host;
  private final TransportServer server;
  private final MasterWebUI webUi;
  private final long workerTimeoutMs;
  private final int maxExecutorRetries;
  private final Map<String, WorkerInfo> workers = new LinkedHashMap<>();
  private final Map<String, ApplicationInfo> apps = new LinkedHashMap<>();
  private final AtomicInteger nextAppNumber = new AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "master-worker-timeout");
    thread.setDaemon(true);
    return thread;
  });

  private Master(String host, int port, int webUiPort, EmberConf conf) {
    this.host = host;
    this.workerTimeoutMs = conf.getTimeAsMs("ember.worker.timeout", "60s");
    this.maxExecutorRetries = conf.getInt("ember.deploy.maxExecutorRetries", 10);
    this.server = TransportServer.bind(host, port, TransportConf.secret(conf), this);
    this.webUi = webUiPort >= 0 ? MasterWebUI.start(this, host, webUiPort) : null;
    long check = Math.max(100, workerTimeoutMs / 4);
    timer.scheduleWithFixedDelay(this::removeTimedOutWorkers, check, check, TimeUnit.MILLISECONDS);
    LOG.info("Master listening on {}{}", url(), webUi == null ? "" : ", web UI on port " + webUi.port());
  }

  /**
   * Starts a master on {@code host}:{@code port} (0 picks a free port), with its web page on
   * {@code webUiPort} (0 picks one, -1 for none).
   */
  public static Master start(String host, int port, int webUiPort, EmberConf conf) {
    return new Master(host, port, webUiPort, conf);
  }

  /** Runs a master until the process is stopped: {@code --host H --port P --webui-port W}. */
  public static void main(String[] args) throws InterruptedException {
    CommandLine line = CommandLine.parse(args);
    Master master = start(line.get("host", "0.0.0.0"), line.getInt("port", 7077), line.getInt("webui-port", 8080),
        new EmberConf());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      master.close();
      stopped.countDown();
    }, "master-shutdown"));
    stopped.await();
  }

  /** This master's URL, {@code ember://HOST:PORT}. */
  public String url() {
    return "ember://" + host + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** The port of the status page, or -1 if there is none. */
  public int webUiPort() {
    return webUi == null ? -1 : webUi.port();
  }

  @Override
  public Object receive(TransportConnection connection, Object message) {
    if (message instanceof DeployMessages.RegisterWorker register) {
      return registerWorker(connection, register);
    } else if (message instanceof DeployMessages.WorkerHeartbeat heartbeat) {
      heartbeat(connection, heartbeat);
    } else if (message instanceof DeployMessages.ExecutorStateChanged changed) {
      executorStateChanged(changed);
    } else if (message instanceof DeployMessages.RegisterApplication register) {
      return registerApplication(connection, register);
    } else if (message instanceof DeployMessages.UnregisterApplication unregister) {
      removeApplication(unregister.appId(), "it unregistered");
    } else {
      LOG.warn("Ignoring an unexpected message {} from {}", message, connection.remoteAddress());
    }
    return null;
  }

  @Override
  public void connectionClosed(TransportConnection connection) {
    Object attachment = connection.attachment();
    if (attachment instanceof WorkerInfo worker) {
      removeWorker(worker, "its connection closed");
    } else if (attachment instanceof ApplicationInfo app) {
      removeApplication(app.id, "its driver disconnected");
    }
  }

  private synchronized DeployMessages.RegisteredWorker registerWorker(TransportConnection connection,
      DeployMessages.RegisterWorker register) {
    WorkerInfo previous = workers.get(register.workerId());
    if (previous != null) {
      removeWorker(previous, "it registered again");
    }
    WorkerInfo worker = new WorkerInfo(register.workerId(), register.host(), register.cores(), register.memoryMb(),
        connection);
    connection.attach(worker);
    workers.put(worker.id, worker);
    LOG.info("Registered worker {} on {} with {} cores, {} MB", worker.id, worker.host, worker.cores,
        worker.memoryMb);
    schedule();
    return new DeployMessages.RegisteredWorker(url());
  }

  private synchronized void heartbeat(TransportConnection connection, DeployMessages.WorkerHeartbeat heartbeat) {
    WorkerInfo worker = workers.get(heartbeat.workerId());
    if (worker == null) {
      connection.send(new DeployMessages.ReconnectWorker(url()));
    } else {
      worker.lastHeartbeatMs = System.currentTimeMillis();
    }
  }

  private synchronized DeployMessages.RegisteredApplication registerApplication(TransportConnection connection,
      DeployMessages.RegisterApplication register) {
    String id = String.format("app-%d-%04d", System.currentTimeMillis(), nextAppNumber.getAndIncrement());
    ApplicationInfo app = new ApplicationInfo(id, register, connection);
    connection.attach(app);
    apps.put(id, app);
    LOG.info("Registered application {} ({}) asking for {} cores", register.name(), id,
        register.maxCores() == Integer.MAX_VALUE ? "all" : register.maxCores());
    // Reply before the executors are announced, so the application knows its id when they arrive.
    timer.execute(this::scheduleNow);
    return new DeployMessages.RegisteredApplication(id);
  }

  private synchronized void scheduleNow() {
    schedule();
  }

  private synchronized void executorStateChanged(DeployMessages.ExecutorStateChanged changed) {
    ApplicationInfo app = apps.get(changed.appId());
    ExecutorDesc executor = app == null ? null : app.executors.get(changed.executorId());
    if (executor == null) {
      return;
    }
    if (changed.state().equals("RUNNING")) {
      executor.state = "RUNNING";
      executor.pid = changed.pid();
      return;
    }
    LOG.info("Executor {} of {} exited with code {}", changed.executorId(), app.id, changed.exitCode());
    removeExecutor(executor, "its process exited with code " + changed.exitCode());
    app.failedExecutors++;
    if (app.failedExecutors > maxExecutorRetries) {
      LOG.warn("Application {} lost {} executors; launching no more (spark.deploy.maxExecutorRetries)", app.id,
          app.failedExecutors);
      return;
    }
    schedule();
  }

  private void removeExecutor(ExecutorDesc executor, String reason) {
    executor.app.executors.remove(executor.executorId);
    executor.worker.executors.remove(executor.fullId());
    executor.app.connection.send(new DeployMessages.ExecutorRemoved(executor.executorId, reason));
  }

  private synchronized void removeWorker(WorkerInfo worker, String reason) {
    if (workers.get(worker.id) != worker) {
      return;
    }
    workers.remove(worker.id);
    LOG.warn("Removing worker {} on {}: {}", worker.id, worker.host, reason);
    for (ExecutorDesc executor : List.copyOf(worker.executors.values())) {
      removeExecutor(executor, "worker " + worker.id + " was lost");
    }
    worker.connection.close();
    schedule();
  }

  private synchronized void removeApplication(String appId, String reason) {
    ApplicationInfo app = apps.remove(appId);
    if (app == null) {
      return;
    }
    LOG.info("Removing application {}: {}", appId, reason);
    for (ExecutorDesc executor : List.copyOf(app.executors.values())) {
      executor.worker.executors.remove(executor.fullId());
      executor.worker.connection.send(new DeployMessages.KillExecutor(appId, executor.executorId));
    }
    app.executors.clear();
    schedule();
  }

  private void removeTimedOutWorkers() {
    long deadline = System.currentTimeMillis() - workerTimeoutMs;
    List<WorkerInfo> timedOut = new ArrayList<>();
    synchronized (this) {
      for (WorkerInfo worker : workers.values()) {
        if (worker.lastHeartbeatMs < deadline) {
          timedOut.add(worker);
        }
      }
    }
    for (WorkerInfo worker : timedOut) {
      removeWorker(worker, "no heartbeat for " + workerTimeoutMs + " ms");
    }
  }

  /** Places executors for every application still short of cores. Called with the lock held. */
  private void schedule() {
    List<WorkerInfo> alive = List.copyOf(workers.values());
    for (ApplicationInfo app : apps.values()) {
      if (app.failedExecutors > maxExecutorRetries) {
        continue;
      }
      for (ExecutorAllocator.Placement placement : ExecutorAllocator.allocate(app, alive)) {
        launchExecutor(app, placement.worker(), placement.cores());
      }
    }
  }

  private void launchExecutor(ApplicationInfo app, WorkerInfo worker, int cores) {
    String executorId = String.valueOf(app.nextExecutorId++);
    ExecutorDesc executor = new ExecutorDesc(executorId, app, worker, cores, app.request.memoryPerExecutorMb());
    app.executors.put(executorId, executor);
    worker.executors.put(executor.fullId(), executor);
    LOG.info("Launching executor {}/{} on worker {} with {} cores", app.id, executorId, worker.id, cores);
    worker.connection.send(new DeployMessages.LaunchExecutor(app.id, executorId, app.request.driverHost(),
        app.request.driverPort(), cores, executor.memoryMb));
    app.connection.send(new DeployMessages.ExecutorAdded(executorId, worker.id, worker.host, cores));
  }

  /** The master's state as JSON: workers with their executors, and applications. */
  synchronized String stateJson() {
    return MasterStateJson.write(url(), workers.values(), apps.values());
  }

  /** Stops the master: closes every connection and the web page. */
  @Override
  public void close() {
    timer.shutdownNow();
    if (webUi != null) {
      webUi.stop();
    }
    server.close();
  }
}
