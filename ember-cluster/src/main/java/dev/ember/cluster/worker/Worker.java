package dev.ember.cluster.worker;

import dev.ember.EmberConf;
import dev.ember.EmberException;
import dev.ember.cluster.deploy.CommandLine;
import dev.ember.cluster.deploy.DeployMessages;
import dev.ember.cluster.deploy.MasterAddress;
import dev.ember.cluster.network.RpcHandler;
import dev.ember.cluster.network.TransportClient;
import dev.ember.cluster.network.TransportConf;
import dev.ember.cluster.network.TransportConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone worker: registers its cores and memory with the master, heartbeats, launches executor
 * processes when the master asks and reports their exits. If the master goes away it keeps trying to register
 * again; when it stops it kills its executors.
 *
 * <pre>{@code
 * bin/ember-worker ember://master-host:7077 --cores 4 --memory 8g
 * }</pre>
 */
public final class Worker implements RpcHandler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String id;
  private final MasterAddress master;
  private final String host;
  private final int cores;
  private final int memoryMb;
  private final Path workDir;
  private final String secret;
  private final long heartbeatMs;
  private final Map<String, ExecutorRunner> executors = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "worker-timer");
    thread.setDaemon(true);
    return thread;
  });
  private volatile TransportConnection connection;
  private volatile boolean stopped;

  private Worker(MasterAddress master, String host, int cores, int memoryMb, Path workDir, EmberConf conf) {
    this.id = "worker-" + System.currentTimeMillis() + "-" + host + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.master = master;
    this.host = host;
    this.cores = cores;
    this.memoryMb = memoryMb;
    this.workDir = workDir;
    this.secret = TransportConf.secret(conf);
    this.heartbeatMs = Math.max(100, conf.getTimeAsMs("ember.worker.timeout", "60s") / 4);
  }

  /** Starts a worker that registers with {@code master} (retrying until it answers). */
  public static Worker start(MasterAddress master, String host, int cores, int memoryMb, Path workDir,
      EmberConf conf) {
    Worker worker = new Worker(master, host, cores, memoryMb, workDir, conf);
    worker.timer.execute(worker::connect);
    worker.timer.scheduleWithFixedDelay(worker::heartbeat, worker.heartbeatMs, worker.heartbeatMs,
        TimeUnit.MILLISECONDS);
    return worker;
  }

  /** Runs a worker until the process is stopped: {@code ember://HOST:PORT --cores N --memory M [--host H]}. */
  public static void main(String[] args) throws InterruptedException {
    CommandLine line = CommandLine.parse(args);
    if (line.positional().size() != 1) {
      throw new EmberException("INVALID_ARGUMENTS",
          "Usage: ember-worker ember://HOST:PORT [--cores N] [--memory M] [--host H] [--work-dir D]");
    }
    int cores = line.getInt("cores", Runtime.getRuntime().availableProcessors());
    int memory = CommandLine.memoryMb(line.get("memory", "1g"));
    Path workDir = Path.of(line.get("work-dir", "work")).toAbsolutePath();
    Worker worker = start(MasterAddress.parse(line.positional().get(0)), line.get("host", defaultHost()), cores,
        memory, workDir, new EmberConf());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      worker.close();
      stopped.countDown();
    }, "worker-shutdown"));
    stopped.await();
  }

  public String id() {
    return id;
  }

  private void connect() {
    while (!stopped) {
      try {
        TransportConnection opened = TransportClient.connect(master.host(), master.port(), secret, this, TIMEOUT);
        opened.askSync(new DeployMessages.RegisterWorker(id, host, cores, memoryMb), TIMEOUT);
        connection = opened;
        LOG.info("Registered with master {} as {} ({} cores, {} MB)", master, id, cores, memoryMb);
        return;
      } catch (EmberException e) {
        LOG.warn("Could not register with master {}: {}; retrying", master, e.getMessage());
        sleepQuietly(1000);
      }
    }
  }

  private void heartbeat() {
    TransportConnection current = connection;
    if (current != null && current.isOpen()) {
      current.send(new DeployMessages.WorkerHeartbeat(id));
    }
  }

  @Override
  public Object receive(TransportConnection from, Object message) throws IOException {
    if (message instanceof DeployMessages.LaunchExecutor launch) {
      ExecutorRunner runner = new ExecutorRunner(launch, host, workDir, secret);
      executors.put(launch.appId() + "/" + launch.executorId(), runner);
      runner.start(changed -> {
        if (changed.state().equals("EXITED")) {
          executors.remove(changed.appId() + "/" + changed.executorId());
        }
        TransportConnection current = connection;
        if (current != null) {
          current.send(changed);
        }
      });
    } else if (message instanceof DeployMessages.KillExecutor kill) {
      ExecutorRunner runner = executors.get(kill.appId() + "/" + kill.executorId());
      if (runner != null) {
        timer.execute(runner::kill);
      }
    } else if (message instanceof DeployMessages.ReconnectWorker) {
      reconnect(from);
    }
    return null;
  }

  @Override
  public void connectionClosed(TransportConnection closed) {
    if (!stopped && closed == connection) {
      LOG.warn("Lost the connection to master {}; registering again", master);
      reconnect(closed);
    }
  }

  private void reconnect(TransportConnection old) {
    if (connection == old) {
      connection = null;
      old.close();
      timer.execute(this::connect);
    }
  }

  /** Kills every executor and leaves the cluster. */
  @Override
  public void close() {
    stopped = true;
    timer.shutdownNow();
    for (ExecutorRunner runner : List.copyOf(executors.values())) {
      runner.kill();
    }
    TransportConnection current = connection;
    if (current != null) {
      current.close();
    }
  }

  private static String defaultHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
