package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster manager's own failures: a worker that dies, and a master that restarts. */
class ClusterRecoveryIT {

  @TempDir
  static Path dir;
  private static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new LocalCluster(dir, 3);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
    assertThat(cluster.liveProcesses()).as("processes left behind").isEmpty();
  }

  @Test
  void aLostWorkersExecutorIsReplacedOnAnotherWorkerAndWorkersRejoinARestartedMaster() throws Exception {
    EmberConf conf = new EmberConf(false).setMaster(cluster.masterUrl()).setAppName("recovery")
        .set("spark.authenticate", "true")
        .set("spark.authenticate.secret", LocalCluster.SECRET)
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.executor.memory", "256m")
        .set("spark.cores.max", "2")
        .set("spark.scheduler.minRegisteredResourcesRatio", "1.0")
        .set("spark.ui.showConsoleProgress", "false");
    try (EmberContext sc = new EmberContext(conf)) {
      String before = cluster.awaitState(json -> cluster.executorPids(json).size() == 2, "two executors");
      int busyWorker = firstBusyWorker(before);

      cluster.killWorker(busyWorker);

      cluster.awaitState(json -> json.contains("\"aliveworkers\":2") && cluster.executorPids(json).size() == 2,
          "the master to drop the worker and place a replacement executor");
      long sum = CompletableFuture.supplyAsync(() -> sc.parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4)
          .map(n -> (long) n).reduce(Long::sum)).get(60, TimeUnit.SECONDS);
      assertThat(sum).isEqualTo(5050L);
    }

    cluster.restartMaster();

    cluster.awaitState(json -> json.contains("\"aliveworkers\":2"), "the workers to register with the new master");
    assertThat(cluster.masterLog("master-restarted")).contains("Registered worker");
  }

  /** The index (in start order) of a worker running an executor: worker logs name the executors they started. */
  private static int firstBusyWorker(String json) throws Exception {
    for (int i = 0; i < 3; i++) {
      if (cluster.workerLog(i).contains("Started executor")) {
        return i;
      }
    }
    throw new AssertionError("No worker started an executor: " + json);
  }
}
