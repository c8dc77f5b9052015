package dev.ember.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.StageInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lost or corrupt map output is recomputed by rerunning exactly the map task that wrote it. */
class ShuffleFetchFailureTest {

  private static final Map<Integer, Integer> EXPECTED = expectedSums();

  private EmberContext sc;
  private final Map<Integer, AtomicInteger> taskStartsByStage = new ConcurrentHashMap<>();
  private final Map<Integer, List<StageInfo>> stagesByJob = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("ShuffleFetchFailureTest"));
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onJobStart(EmberListenerEvent.JobStart event) {
        stagesByJob.put(event.jobId(), event.stageInfos());
      }

      @Override
      public void onTaskStart(EmberListenerEvent.TaskStart event) {
        taskStartsByStage.computeIfAbsent(event.stageId(), id -> new AtomicInteger()).incrementAndGet();
      }
    });
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  /** Key k of 0..9 sums the numbers 1..1000 congruent to k mod 10. */
  private static Map<Integer, Integer> expectedSums() {
    Map<Integer, Integer> sums = new java.util.HashMap<>();
    for (int x = 1; x <= 1000; x++) {
      sums.merge(x % 10, x, Integer::sum);
    }
    return sums;
  }

  private PairRDD<Integer, Integer> sums() {
    List<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, 1000).boxed().toList();
    return sc.parallelize(numbers, 4).mapToPair(x -> new Tuple2<>(x % 10, x)).reduceByKey(Integer::sum, 2);
  }

  private List<Path> shuffleDataFiles() throws IOException {
    Path root = sc.env().blockManager().diskBlockManager().root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().matches("shuffle_\\d+_\\d+\\.data")).sorted().toList();
    }
  }

  /** Map tasks run by the second job, whose map stage is the one with four tasks. */
  private int mapTasksRerunBySecondJob() throws InterruptedException {
    assertThat(sc.listenerBus().waitUntilEmpty(10_000)).isTrue();
    int lastJob = stagesByJob.keySet().stream().max(Integer::compare).orElseThrow();
    StageInfo mapStage = stagesByJob.get(lastJob).stream().filter(s -> s.numTasks() == 4).findFirst()
        .orElseThrow();
    AtomicInteger started = taskStartsByStage.get(mapStage.stageId());
    return started == null ? 0 : started.get();
  }

  @Test
  void deletedMapOutputIsRecomputedByOneMapTask() throws Exception {
    PairRDD<Integer, Integer> sums = sums();
    assertThat(sums.collectAsMap()).isEqualTo(EXPECTED);
    List<Path> files = shuffleDataFiles();
    assertThat(files).hasSize(4);
    Files.delete(files.get(1));

    assertThat(sums.collectAsMap()).isEqualTo(EXPECTED);
    assertThat(mapTasksRerunBySecondJob()).isEqualTo(1);
  }

  @Test
  void corruptMapOutputIsRecomputedByOneMapTask() throws Exception {
    PairRDD<Integer, Integer> sums = sums();
    assertThat(sums.collectAsMap()).isEqualTo(EXPECTED);
    List<Path> files = shuffleDataFiles();
    Path victim = files.get(2);
    // Same length, so the index still matches: only decompression can notice.
    Files.write(victim, new byte[(int) Files.size(victim)]);

    assertThat(sums.collectAsMap()).isEqualTo(EXPECTED);
    assertThat(mapTasksRerunBySecondJob()).isEqualTo(1);
  }

  @Test
  void secondActionReusesShuffleOutputWhenNothingIsLost() throws Exception {
    PairRDD<Integer, Integer> sums = sums();
    assertThat(sums.collectAsMap()).isEqualTo(EXPECTED);
    assertThat(sums.collectAsMap()).isEqualTo(EXPECTED);
    assertThat(mapTasksRerunBySecondJob()).isZero();
  }
}
