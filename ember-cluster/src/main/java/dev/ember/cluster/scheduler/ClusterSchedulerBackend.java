package dev.ember.cluster.scheduler;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import dev.ember.cluster.deploy.DeployMessages;
import dev.ember.cluster.deploy.MasterAddress;
import dev.ember.cluster.network.RpcHandler;
import dev.ember.cluster.network.TransportClient;
import dev.ember.cluster.network.TransportConf;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.network.TransportServer;
import dev.ember.scheduler.SchedulerBackend;
import dev.ember.scheduler.TaskDescription;
import dev.ember.scheduler.TaskSchedulerImpl;
import dev.ember.scheduler.WorkerOffer;
import dev.ember.storage.BlockManagerId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an application's tasks on a standalone cluster. It listens for executors on the driver
 * ({@code spark.driver.host}, {@code spark.driver.port}), registers the application with the master asking
 * for {@code spark.executor.cores}, {@code spark.executor.memory} and {@code spark.cores.max}, offers the
 * registered executors' free cores to the task scheduler and launches tasks on them. An executor whose
 * connection closes, that the master reports gone, or whose heartbeats stop for
 * {@code spark.network.timeout} (120 s) is lost: its tasks run again elsewhere and its shuffle output is
 * recomputed. Free cores are offered again every {@code spark.scheduler.revive.interval} (1 s), as in Spark,
 * besides whenever a task ends or an executor registers, so tasks that delay scheduling held back for a busy
 * executor holding their data run elsewhere once the locality wait is over. All scheduling state changes on
 * one thread, in order.
 */
public final class ClusterSchedulerBackend implements SchedulerBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSchedulerBackend.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MasterAddress master;
  private final EmberConf conf;
  private final TaskSchedulerImpl scheduler;
  private final EmberEnv env;
  private final String secret;
  private final Map<String, ExecutorData> executors = new LinkedHashMap<>();
  private final ExecutorService endpoint = Executors.newSingleThreadExecutor(daemon("cluster-scheduler-endpoint"));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("executor-timeout"));
  private volatile int totalCores;
  private TransportServer server;
  private TransportConnection masterConnection;
  private volatile String appId;
  private volatile boolean stopping;

  ClusterSchedulerBackend(MasterAddress master, EmberConf conf, TaskSchedulerImpl scheduler, EmberEnv env) {
    this.master = master;
    this.conf = conf;
    this.scheduler = scheduler;
    this.env = env;
    this.secret = TransportConf.secret(conf);
  }

  @Override
  public void start() {
    String host = conf.get("ember.driver.host", defaultHost());
    server = TransportServer.bind(host, conf.getInt("ember.driver.port", 0), secret,
        new DriverEndpoint(this, env, conf));
    masterConnection = TransportClient.connect(master.host(), master.port(), secret, new MasterMessages(), TIMEOUT);
    int coresPerExecutor = conf.getInt("ember.executor.cores", 0);
    int memoryMb = (int) conf.getSizeAsMb("ember.executor.memory", "1g");
    int maxCores = conf.getInt("ember.cores.max", Integer.MAX_VALUE);
    DeployMessages.RegisteredApplication registered = masterConnection.askSync(new DeployMessages.RegisterApplication(
        conf.appName(), host, server.port(), coresPerExecutor, memoryMb, maxCores), TIMEOUT);
    appId = registered.appId();
    LOG.info("Registered application {} with master {}; executors connect to {}:{}", appId, master, host,
        server.port());
    long timeoutMs = conf.getTimeAsMs("ember.network.timeout", "120s");
    timer.scheduleWithFixedDelay(() -> expireDeadExecutors(timeoutMs), 1, 1, TimeUnit.SECONDS);
    long reviveMs = Math.max(10, conf.getTimeAsMs("ember.scheduler.revive.interval", "1s"));
    timer.scheduleWithFixedDelay(this::reviveOffers, reviveMs, reviveMs, TimeUnit.MILLISECONDS);
    waitForExecutors(maxCores);
  }

  /** Waits until {@code spark.scheduler.minRegisteredResourcesRatio} of the wanted cores have registered. */
  private void waitForExecutors(int maxCores) {
    double ratio = conf.getDouble("ember.scheduler.minRegisteredResourcesRatio", 0);
    long deadline = System.currentTimeMillis()
        + conf.getTimeAsMs("ember.scheduler.maxRegisteredResourcesWaitingTime", "30s");
    if (ratio <= 0 || maxCores == Integer.MAX_VALUE) {
      return;
    }
    while (totalCores < ratio * maxCores && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The id the master gave this application. */
  @Override
  public java.util.Optional<String> applicationId() {
    return java.util.Optional.ofNullable(appId);
  }

  @Override
  public void stop() {
    stopping = true;
    timer.shutdownNow();
    // Unregister first, so the master does not relaunch the executors about to exit.
    if (masterConnection != null && masterConnection.isOpen()) {
      masterConnection.send(new DeployMessages.UnregisterApplication(appId));
    }
    submit(() -> executors.values().forEach(e -> e.connection.send(new ClusterMessages.StopExecutor())));
    endpoint.shutdown();
    try {
      endpoint.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (masterConnection != null) {
      masterConnection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  public void reviveOffers() {
    submit(this::makeOffers);
  }

  @Override
  public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {
    submit(() -> {
      ExecutorData executor = executors.get(executorId);
      if (executor != null) {
        executor.connection.send(new ClusterMessages.KillTask(taskId, interruptThread, reason));
      }
    });
  }

  @Override
  public int defaultParallelism() {
    return Math.max(totalCores, 2);
  }

  void registerExecutor(ClusterMessages.RegisterExecutor register, TransportConnection connection) {
    BlockManagerId blockManagerId = new BlockManagerId(register.executorId(), register.host(), register.blockPort());
    submit(() -> {
      ExecutorData data = new ExecutorData(register.executorId(), register.host(), register.cores(), connection,
          blockManagerId);
      executors.put(data.executorId, data);
      totalCores += data.cores;
      env.blockManagerMaster().registerBlockManager(blockManagerId, new RemoteStorageEndpoint(connection));
      LOG.info("Registered executor {} on {} with {} cores", data.executorId, data.host, data.cores);
      makeOffers();
    });
  }

  void statusUpdate(ClusterMessages.StatusUpdate update) {
    submit(() -> {
      ExecutorData executor = executors.get(update.executorId());
      if (update.state().isFinished() && executor != null) {
        executor.freeCores += scheduler.cpusPerTask();
      }
      scheduler.statusUpdate(update.taskId(), update.state(), ByteBuffer.wrap(update.data()));
      if (update.state().isFinished()) {
        makeOffers();
      }
    });
  }

  void heartbeat(String executorId) {
    submit(() -> {
      ExecutorData executor = executors.get(executorId);
      if (executor != null) {
        executor.lastHeartbeatMs = System.currentTimeMillis();
      }
    });
  }

  /** Forgets an executor; {@code connection}, if given, must be the one it registered with. */
  void removeExecutor(String executorId, String reason, TransportConnection connection) {
    submit(() -> {
      ExecutorData executor = executors.get(executorId);
      if (executor == null || (connection != null && executor.connection != connection)) {
        return;
      }
      executors.remove(executorId);
      totalCores -= executor.cores;
      env.blockManagerMaster().removeBlockManager(executor.blockManagerId);
      executor.connection.close();
      scheduler.executorLost(executorId, reason);
    });
  }

  private void expireDeadExecutors(long timeoutMs) {
    long deadline = System.currentTimeMillis() - timeoutMs;
    submit(() -> {
      for (ExecutorData executor : List.copyOf(executors.values())) {
        if (executor.lastHeartbeatMs < deadline) {
          LOG.warn("Executor {} sent no heartbeat for {} ms", executor.executorId, timeoutMs);
          removeExecutor(executor.executorId, "no heartbeat for " + timeoutMs + " ms", null);
        }
      }
    });
  }

  private void makeOffers() {
    List<WorkerOffer> offers = new ArrayList<>();
    for (ExecutorData executor : executors.values()) {
      if (executor.freeCores > 0) {
        offers.add(new WorkerOffer(executor.executorId, executor.host, executor.freeCores));
      }
    }
    if (offers.isEmpty()) {
      return;
    }
    long epoch = env.mapOutputTracker().epoch();
    for (TaskDescription task : scheduler.resourceOffers(offers)) {
      ExecutorData executor = executors.get(task.executorId());
      executor.freeCores -= scheduler.cpusPerTask();
      executor.connection.send(new ClusterMessages.LaunchTask(task, epoch));
    }
  }

  private void submit(Runnable message) {
    try {
      endpoint.execute(() -> {
        try {
          message.run();
        } catch (RuntimeException e) {
          LOG.error("Scheduling message failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      // Stopping: messages after stop are dropped.
    }
  }

  /** What the master tells this application: executors granted and lost. */
  private final class MasterMessages implements RpcHandler {
    @Override
    public Object receive(TransportConnection connection, Object message) {
      if (message instanceof DeployMessages.ExecutorAdded added) {
        LOG.info("The master granted executor {} on {} with {} cores", added.executorId(), added.host(),
            added.cores());
      } else if (message instanceof DeployMessages.ExecutorRemoved removed) {
        removeExecutor(removed.executorId(), removed.reason(), null);
      }
      return null;
    }

    @Override
    public void connectionClosed(TransportConnection connection) {
      if (stopping) {
        return;
      }
      LOG.warn("Lost the connection to master {}; running executors keep working", master);
    }
  }

  private static String defaultHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
