package dev.ember.cluster.executor;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import dev.ember.cluster.deploy.CommandLine;
import dev.ember.cluster.network.RawBytes;
import dev.ember.cluster.network.TransportClient;
import dev.ember.cluster.network.TransportConf;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.network.TransportServer;
import dev.ember.cluster.scheduler.ClusterMessages;
import dev.ember.executor.Executor;
import dev.ember.shuffle.IndexShuffleBlockResolver;
import dev.ember.storage.BlockManagerId;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of an executor process, launched by a worker: {@code --driver-host H --driver-port P
 * --executor-id ID --app-id APP --hostname HOST --cores N}. It starts a block server for its shuffle output,
 * registers with the driver, builds its own {@link EmberEnv}, runs tasks until the driver stops it, and
 * heartbeats every {@code spark.executor.heartbeatInterval} (10 s).
 */
public final class ExecutorMain {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorMain.class);

  private ExecutorMain() {}

  private static RawBytes toRaw(java.nio.ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return new RawBytes(bytes);
  }

  /** Runs the executor; exits the JVM when the driver is done with it. */
  public static void main(String[] args) {
    CommandLine line = CommandLine.parse(args);
    String executorId = line.get("executor-id", "0");
    String hostname = line.get("hostname", "127.0.0.1");
    String secret = TransportConf.executorSecret(new EmberConf());
    Duration timeout = Duration.ofSeconds(120);
    IndexShuffleBlockResolver[] resolver = new IndexShuffleBlockResolver[1];
    EmberEnv[] envHolder = new EmberEnv[1];
    TransportServer blockServer = TransportServer.bind(hostname, 0, secret, (connection, message) -> {
      if (message instanceof ClusterMessages.FetchBlock fetch) {
        return envHolder[0].blockManager().getLocalBytes(fetch.blockId()).map(ExecutorMain::toRaw).orElse(null);
      }
      ClusterMessages.FetchShuffleBlock fetch = (ClusterMessages.FetchShuffleBlock) message;
      try (InputStream in = resolver[0].openBlock(fetch.blockId())) {
        in.skipNBytes(fetch.offset());
        return new RawBytes(in.readNBytes(fetch.length()));
      } catch (java.io.EOFException e) {
        return new RawBytes(new byte[0]);
      }
    });
    ClusterExecutorBackend backend = new ClusterExecutorBackend(executorId);
    TransportConnection driver = TransportClient.connect(line.get("driver-host", "127.0.0.1"),
        line.getInt("driver-port", 0), secret, backend, timeout);
    int cores = line.getInt("cores", 1);
    ClusterMessages.RegisteredExecutor registered = driver.askSync(
        new ClusterMessages.RegisterExecutor(executorId, hostname, cores, blockServer.port()), timeout);
    EmberConf conf = new EmberConf(false);
    registered.conf().forEach(conf::set);
    ClassLoader userLoader = UserJars.fetch(driver, registered.jars(), Path.of("jars").toAbsolutePath(), timeout);
    BlockManagerId blockManagerId = new BlockManagerId(executorId, hostname, blockServer.port());
    NetworkShuffleBlockClient[] shuffleClient = new NetworkShuffleBlockClient[1];
    EmberEnv env = EmberEnv.createExecutor(conf, blockManagerId, new ExecutorMapOutputTracker(driver, timeout),
        localResolver -> {
          resolver[0] = localResolver;
          shuffleClient[0] = new NetworkShuffleBlockClient(executorId, localResolver, secret, timeout);
          return shuffleClient[0];
        },
        piece -> {
          RawBytes bytes = driver.askSync(new ClusterMessages.FetchBroadcastPiece(piece), timeout);
          return java.util.Optional.ofNullable(bytes).map(raw -> java.nio.ByteBuffer.wrap(raw.bytes()));
        },
        (location, blockId, status) -> driver.send(new ClusterMessages.BlockUpdated(location, blockId, status)));
    envHolder[0] = env;
    env.blockManager().setRemoteBlockFetcher(
        new RemoteBlocks(executorId, driver, shuffleClient[0], timeout)::fetchBlock);
    EmberEnv.set(env);
    Executor executor = new Executor(executorId, env, userLoader);
    backend.ready(driver, executor, env);
    LOG.info("Executor {} registered with the driver; {} cores, block server on port {}", executorId, cores,
        blockServer.port());
    ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "executor-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    long interval = conf.getTimeAsMs("ember.executor.heartbeatInterval", "10s");
    heartbeats.scheduleWithFixedDelay(() -> driver.send(new ClusterMessages.ExecutorHeartbeat(executorId)),
        0, interval, TimeUnit.MILLISECONDS);
    int code = backend.exitCode().join();
    heartbeats.shutdownNow();
    executor.stop();
    shuffleClient[0].close();
    blockServer.close();
    env.stop();
    driver.close();
    System.exit(code);
  }
}
