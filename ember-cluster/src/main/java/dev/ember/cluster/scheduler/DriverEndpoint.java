package dev.ember.cluster.scheduler;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import dev.ember.cluster.network.RawBytes;
import dev.ember.cluster.network.RpcHandler;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.scheduler.MapStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the driver answers its executors: registrations and task states go to the backend; map output
 * locations, broadcast pieces and the application's jars are served from the driver's environment.
 */
final class DriverEndpoint implements RpcHandler {

  private final ClusterSchedulerBackend backend;
  private final EmberEnv env;
  private final Map<String, Path> jars = new LinkedHashMap<>();
  private final Map<String, String> conf;

  DriverEndpoint(ClusterSchedulerBackend backend, EmberEnv env, EmberConf conf) {
    this.backend = backend;
    this.env = env;
    // Executors get the secret from their worker; it does not travel again.
    Map<String, String> shared = new LinkedHashMap<>(conf.getAll());
    shared.remove("ember.authenticate.secret");
    this.conf = Map.copyOf(shared);
    for (String jar : conf.get("ember.jars", "").split(",")) {
      if (!jar.isBlank()) {
        Path path = Path.of(jar.trim().replaceFirst("^file:", ""));
        jars.put(path.getFileName().toString(), path);
      }
    }
  }

  @Override
  public Object receive(TransportConnection connection, Object message) throws IOException {
    if (message instanceof ClusterMessages.StatusUpdate update) {
      backend.statusUpdate(update);
    } else if (message instanceof ClusterMessages.ExecutorHeartbeat heartbeat) {
      backend.heartbeat(heartbeat.executorId());
    } else if (message instanceof ClusterMessages.GetMapOutputStatuses get) {
      return new ClusterMessages.MapOutputStatuses(statuses(get.shuffleId()));
    } else if (message instanceof ClusterMessages.FetchBroadcastPiece fetch) {
      Optional<ByteBuffer> piece = env.blockManager().getLocalBytes(fetch.piece());
      return piece.map(DriverEndpoint::toRaw).orElse(null);
    } else if (message instanceof ClusterMessages.GetBlockLocations get) {
      return new ClusterMessages.BlockLocations(env.blockManagerMaster().getLocations(get.blockId()));
    } else if (message instanceof ClusterMessages.BlockUpdated update) {
      env.blockManagerMaster().blockUpdated(update.location(), update.blockId(), update.status());
    } else if (message instanceof ClusterMessages.FetchFile fetch) {
      Path jar = jars.get(fetch.name());
      if (jar == null) {
        throw new IOException("The driver serves no file named " + fetch.name());
      }
      return new RawBytes(Files.readAllBytes(jar));
    } else if (message instanceof ClusterMessages.RegisterExecutor register) {
      connection.attach(register.executorId());
      backend.registerExecutor(register, connection);
      return new ClusterMessages.RegisteredExecutor(conf, List.copyOf(jars.keySet()));
    }
    return null;
  }

  @Override
  public void connectionClosed(TransportConnection connection) {
    if (connection.attachment() instanceof String executorId) {
      backend.removeExecutor(executorId, "its connection closed", connection);
    }
  }

  private MapStatus[] statuses(int shuffleId) {
    return env.mapOutputTracker().containsShuffle(shuffleId) ? env.mapOutputTracker().statuses(shuffleId) : null;
  }

  private static RawBytes toRaw(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return new RawBytes(bytes);
  }
}
