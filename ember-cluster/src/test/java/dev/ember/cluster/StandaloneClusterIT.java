package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Tuple2;
import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.RDD;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.TaskEndReason;
import dev.ember.storage.BlockId;
import dev.ember.util.LongAccumulator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs jobs on a real standalone cluster: a master and two one-core workers as separate processes, with
 * authentication on, and compares the answers with local mode's and with hand-computed ones.
 */
class StandaloneClusterIT {

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

  private static EmberConf clusterConf(String appName) {
    return new EmberConf(false).setMaster(cluster.masterUrl()).setAppName(appName)
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

  private static <T> T onCluster(String appName, Function<EmberContext, T> job) throws Exception {
    try (EmberContext sc = new EmberContext(clusterConf(appName))) {
      return within60s(() -> job.apply(sc));
    }
  }

  /** Runs {@code job} with a bound on its time, so a broken cluster fails the test instead of hanging it. */
  private static <T> T within60s(java.util.function.Supplier<T> job) throws Exception {
    return CompletableFuture.supplyAsync(job).get(60, TimeUnit.SECONDS);
  }

  private static <T> T locally(Function<EmberContext, T> job) {
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("local")
        .set("spark.ui.showConsoleProgress", "false"))) {
      return job.apply(sc);
    }
  }

  static Map<String, Integer> wordCount(EmberContext sc) {
    List<String> lines = List.of("the quick brown fox", "the lazy dog", "the fox jumps", "quick quick dog");
    return sc.parallelize(lines, 3)
        .flatMap(line -> Arrays.stream(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .reduceByKey(Integer::sum)
        .collectAsMap();
  }

  @Test
  void wordCountMatchesLocalMode() throws Exception {
    Map<String, Integer> counts = onCluster("wordcount", sc -> {
      assertThat(sc.applicationId()).as("the master's id for the application").startsWith("app-");
      assertThat(cluster.currentState()).contains("\"id\":\"" + sc.applicationId() + "\"");
      return wordCount(sc);
    });

    assertThat(counts).isEqualTo(Map.of("the", 3, "quick", 3, "brown", 1, "fox", 2, "lazy", 1, "dog", 2,
        "jumps", 1));
    assertThat(counts).isEqualTo(locally(StandaloneClusterIT::wordCount));
  }

  /** Sums 1..100 by the name of n mod 3 (a broadcast map), counting records in an accumulator, over a cached RDD. */
  static List<Object> broadcastAccumulatorAndCache(EmberContext sc) {
    Broadcast<Map<Integer, String>> names = sc.broadcast(Map.of(0, "zero", 1, "one", 2, "two"));
    // An operator's broadcast: handed over as it is in local mode, shipped in pieces to a cluster's executors.
    Broadcast<Integer> modulus = sc.broadcastInternal(3);
    LongAccumulator records = sc.longAccumulator("records");
    RDD<Integer> numbers = sc.parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4).cache();
    long firstCount = numbers.count();
    Map<String, Integer> sums = numbers
        .mapToPair(n -> {
          records.add(1);
          return new Tuple2<>(names.value().get(n % modulus.value()), n);
        })
        .reduceByKey(Integer::sum, 2)
        .collectAsMap();
    return List.of(firstCount, numbers.count(), sums, records.value());
  }

  @Test
  void shuffleBroadcastAccumulatorAndCacheMatchLocalMode() throws Exception {
    List<Object> results = onCluster("broadcast", StandaloneClusterIT::broadcastAccumulatorAndCache);

    assertThat(results).containsExactly(100L, 100L, Map.of("zero", 1683, "one", 1717, "two", 1650), 100L);
    assertThat(results).isEqualTo(locally(StandaloneClusterIT::broadcastAccumulatorAndCache));
  }

  /** Shuffle slices of a few megabytes, so executors fetch them from each other in several chunks. */
  static Map<Integer, Long> largeSlices(EmberContext sc) {
    return sc.parallelize(IntStream.range(0, 400_000).boxed().toList(), 2)
        .mapToPair(n -> new Tuple2<>(n % 2, "value-" + (n * 7919L) + "-" + Integer.toHexString(n * 31)))
        .groupByKey(1)
        .mapValues(values -> {
          long count = 0;
          for (String value : values) {
            count += value.startsWith("value-") ? 1 : 0;
          }
          return count;
        })
        .collectAsMap();
  }

  @Test
  void largeShuffleSlicesArriveWhole() throws Exception {
    Map<Integer, Long> counts = onCluster("large-slices", StandaloneClusterIT::largeSlices);

    assertThat(counts).isEqualTo(Map.of(0, 200_000L, 1, 200_000L));
  }

  static Map<Integer, Integer> slowSumByKey(EmberContext sc) {
    return sc.parallelize(IntStream.range(0, 800).boxed().toList(), 8)
        .mapPartitions(numbers -> {
          Thread.sleep(500);
          return numbers;
        })
        .mapToPair(n -> new Tuple2<>(n % 4, n))
        .reduceByKey(Integer::sum, 2)
        .collectAsMap();
  }

  @Test
  void aJobSurvivesAnExecutorKilledMidJob() throws Exception {
    try (EmberContext sc = new EmberContext(clusterConf("kill"))) {
      String state = cluster.awaitState(json -> cluster.executorPids(json).size() == 2, "two running executors");
      long victim = cluster.executorPids(state).get(0);
      CompletableFuture<Map<Integer, Integer>> job = CompletableFuture.supplyAsync(() -> slowSumByKey(sc));
      Thread.sleep(1200);

      ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);

      assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo(Map.of(0, 79600, 1, 79800, 2, 80000, 3, 80200));
      assertThat(ProcessHandle.of(victim).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      // The master launches a replacement for the lost executor.
      cluster.awaitState(json -> cluster.executorPids(json).size() == 2 && !cluster.executorPids(json)
          .contains(victim), "a replacement executor");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void userClassesFromSparkJarsAreLoadedByExecutors() throws Exception {
    Path jar = UserJar.build(dir.resolve("user-jar"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        EmberContext sc = new EmberContext(clusterConf("user-jar").set("spark.jars", jar.toString()))) {
      dev.ember.api.function.Function<Integer, Integer> tripler = (dev.ember.api.function.Function<Integer, Integer>)
          loader.loadClass(UserJar.CLASS_NAME).getConstructor().newInstance();

      List<Integer> tripled = within60s(() -> sc.parallelize(List.of(1, 2, 3, 4), 2).map(tripler).collect());

      assertThat(tripled).containsExactly(3, 6, 9, 12);
    }
  }

  @Test
  void anExecutorThatStopsHeartbeatingIsLostAndItsTasksRunElsewhere() throws Exception {
    List<TaskEndReason> reasons = new CopyOnWriteArrayList<>();
    long frozen = -1;
    try (EmberContext sc = new EmberContext(clusterConf("frozen").set("spark.network.timeout", "3s"))) {
      sc.addEmberListener(new EmberListener() {
        @Override
        public void onTaskEnd(EmberListenerEvent.TaskEnd taskEnd) {
          reasons.add(taskEnd.reason());
        }
      });
      String state = cluster.awaitState(json -> cluster.executorPids(json).size() == 2, "two running executors");
      frozen = cluster.executorPids(state).get(1);
      CompletableFuture<Map<Integer, Integer>> job = CompletableFuture.supplyAsync(() -> slowSumByKey(sc));
      Thread.sleep(1200);

      // SIGSTOP: the process and its connection stay up, but it answers nothing and sends no heartbeat.
      new ProcessBuilder("kill", "-STOP", String.valueOf(frozen)).start().waitFor();

      assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo(Map.of(0, 79600, 1, 79800, 2, 80000, 3, 80200));
      assertThat(reasons).anySatisfy(reason -> assertThat(reason.toErrorString()).contains("no heartbeat"));
    } finally {
      if (frozen > 0) {
        new ProcessBuilder("kill", "-KILL", String.valueOf(frozen)).start().waitFor();
      }
    }
  }

  @Test
  void aPartitionCachedOnOneExecutorIsReadByAnotherInsteadOfRecomputed() throws Exception {
    try (EmberContext sc = new EmberContext(clusterConf("remote-cache"))) {
      LongAccumulator computed = sc.longAccumulator("computed");
      RDD<Integer> cached = sc.parallelize(IntStream.rangeClosed(1, 40).boxed().toList(), 4)
          .map(n -> {
            computed.add(1);
            return n;
          })
          .cache();
      long firstSum = within60s(() -> cached.reduce(Integer::sum)).longValue();

      // Locality sends a task reading one partition to its holder; a task of the coalesced RDD reads all four,
      // and the partitions cached by the other executor are fetched from it.
      for (int i = 0; i < 3; i++) {
        assertThat(within60s(() -> cached.reduce(Integer::sum)).longValue()).isEqualTo(firstSum);
        assertThat(within60s(() -> cached.coalesce(1).reduce(Integer::sum)).longValue()).isEqualTo(firstSum);
      }

      assertThat(firstSum).isEqualTo(820);
      assertThat(computed.value()).as("records computed: each partition once").isEqualTo(40);
      for (int partition = 0; partition < 4; partition++) {
        assertThat(sc.env().blockManagerMaster().getLocations(new BlockId.RDDBlockId(cached.id(), partition)))
            .as("holders of partition " + partition).hasSize(1);
      }
    }
  }

  @Test
  void aDriverWithTheWrongSecretIsRefused() throws Exception {
    EmberConf wrong = clusterConf("intruder").set("spark.authenticate.secret", "not-the-secret");

    assertThatThrownBy(() -> new EmberContext(wrong))
        .isInstanceOf(EmberException.class)
        .satisfies(e -> assertThat(((EmberException) e).condition()).isEqualTo("AUTHENTICATION_FAILED"));
    assertThat(EmberContext.getActive()).isEmpty();
    long deadline = System.currentTimeMillis() + 5000;
    while (!cluster.masterLog().contains("Refused a connection") && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(cluster.masterLog()).contains("WARN").contains("Refused a connection");
  }
}
