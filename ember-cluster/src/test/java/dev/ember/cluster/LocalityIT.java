package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberEnv;
import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.rdd.RDD;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.TaskInfo;
import dev.ember.scheduler.TaskLocality;
import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import dev.ember.util.LongAccumulator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locality-aware scheduling on a real cluster (a master and two one-core workers as processes): once an RDD
 * is cached on both executors, every task of a later job runs PROCESS_LOCAL on the executor holding its
 * partition; and when that executor is killed, the job still completes with the right answer.
 */
class LocalityIT {

  private static final int PARTITIONS = 4;

  @TempDir
  static Path dir;
  private static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new LocalCluster(dir, 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
    assertThat(cluster.liveProcesses()).as("processes left behind").isEmpty();
  }

  private static EmberConf clusterConf() {
    return new EmberConf(false).setMaster(cluster.masterUrl()).setAppName("locality")
        .set("spark.authenticate", "true")
        .set("spark.authenticate.secret", LocalCluster.SECRET)
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.executor.memory", "256m")
        .set("spark.cores.max", "2")
        .set("spark.scheduler.minRegisteredResourcesRatio", "1.0")
        .set("spark.scheduler.maxRegisteredResourcesWaitingTime", "20s")
        .set("spark.executor.heartbeatInterval", "1s")
        .set("spark.ui.showConsoleProgress", "false");
  }

  private static <T> T within60s(Supplier<T> job) throws Exception {
    return CompletableFuture.supplyAsync(job).get(60, TimeUnit.SECONDS);
  }

  @Test
  void tasksReadingCachedPartitionsRunProcessLocalOnTheirHolderAndSurviveItsDeath() throws Exception {
    List<TaskInfo> taskEnds = new CopyOnWriteArrayList<>();
    try (EmberContext sc = new EmberContext(clusterConf())) {
      sc.addEmberListener(new EmberListener() {
        @Override
        public void onTaskEnd(EmberListenerEvent.TaskEnd taskEnd) {
          taskEnds.add(taskEnd.taskInfo());
        }
      });
      LongAccumulator computed = sc.longAccumulator("computed");
      RDD<Integer> cached = sc.parallelize(IntStream.rangeClosed(1, 40).boxed().toList(), PARTITIONS)
          .map(n -> {
            computed.add(1);
            Thread.sleep(5);
            return n;
          })
          .cache();
      assertThat(within60s(() -> cached.count())).isEqualTo(40L);
      awaitTaskEnds(taskEnds, PARTITIONS);
      Map<Integer, String> holders = holders(sc, cached);
      assertThat(new HashSet<>(holders.values())).as("partitions cached on both executors").hasSize(2);
      taskEnds.clear();

      // Each task reports the executor and process it ran in.
      List<Tuple3<Integer, String, Long>> ranAt = within60s(() -> cached
          .mapPartitionsWithIndex((index, records) -> List.of(new Tuple3<>(index, EmberEnv.get().executorId(),
              ProcessHandle.current().pid())).iterator(), false)
          .collect());

      awaitTaskEnds(taskEnds, PARTITIONS);
      assertThat(taskEnds).hasSize(PARTITIONS).allSatisfy(info -> {
        assertThat(info.taskLocality()).as("locality of partition " + info.partitionId())
            .isEqualTo(TaskLocality.PROCESS_LOCAL);
        assertThat(info.executorId()).as("executor of partition " + info.partitionId())
            .isEqualTo(holders.get(info.partitionId()));
      });
      assertThat(ranAt).allSatisfy(t -> assertThat(t._2()).isEqualTo(holders.get(t._1())));
      assertThat(computed.value()).as("no partition computed twice").isEqualTo(40L);

      long victim = ranAt.get(0)._3();
      ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);

      long sum = within60s(() -> cached.map(n -> (long) n).reduce(Long::sum));
      assertThat(sum).isEqualTo(820L);
      assertThat(within60s(() -> cached.mapToPair(n -> new Tuple2<>(n % 2, n)).reduceByKey(Integer::sum)
          .collectAsMap())).isEqualTo(Map.of(0, 420, 1, 400));
    }
  }

  /** Which executor holds each cached partition, as the driver's block manager master knows it. */
  private static Map<Integer, String> holders(EmberContext sc, RDD<?> rdd) {
    Map<Integer, String> holders = new HashMap<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      List<BlockManagerId> locations = sc.env().blockManagerMaster()
          .getLocations(new BlockId.RDDBlockId(rdd.id(), partition));
      assertThat(locations).as("holders of partition " + partition).hasSize(1);
      holders.put(partition, locations.get(0).executorId());
    }
    return holders;
  }

  /** Task-end events arrive on the listener bus thread, shortly after the action returns. */
  private static void awaitTaskEnds(List<TaskInfo> taskEnds, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (taskEnds.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    Set<Integer> partitions = new HashSet<>();
    taskEnds.forEach(info -> partitions.add(info.partitionId()));
    assertThat(partitions).as("task ends seen").hasSize(count);
  }
}
