package dev.ember.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.ShuffleDependency;
import dev.ember.Tuple2;
import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.PairRDD;
import dev.ember.storage.BlockId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shuffle files and broadcast blocks go away once nothing references their shuffle or broadcast, and shuffle
 * files at the latest when the context stops.
 */
class ContextCleanerTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("ContextCleanerTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private long shuffleFiles(int shuffleId) throws IOException {
    Path root = sc.env().blockManager().diskBlockManager().root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().startsWith("shuffle_" + shuffleId + "_")).count();
    }
  }

  /** Runs a shuffle whose RDD becomes unreachable on return; returns its shuffle id. */
  private int runShuffleAndForgetIt() throws IOException {
    PairRDD<Integer, Integer> counts = sc.parallelize(List.of(1, 2, 3, 4, 5, 6), 3)
        .mapToPair(x -> new Tuple2<>(x % 2, 1)).reduceByKey(Integer::sum, 2);
    assertThat(counts.collectAsMap()).containsEntry(0, 3).containsEntry(1, 3);
    int shuffleId = ((ShuffleDependency<?, ?, ?>) counts.rdd().dependencies().get(0)).shuffleId();
    assertThat(shuffleFiles(shuffleId)).as("a data and an index file per map task").isEqualTo(6);
    return shuffleId;
  }

  @Test
  void garbageCollectedShuffleIsUnregisteredAndItsFilesDeleted() throws Exception {
    int shuffleId = runShuffleAndForgetIt();
    PairRDD<Integer, Integer> kept = sc.parallelize(List.of(1, 2, 3), 3)
        .mapToPair(x -> new Tuple2<>(x, x)).reduceByKey(Integer::sum, 2);
    kept.collectAsMap();
    int keptId = ((ShuffleDependency<?, ?, ?>) kept.rdd().dependencies().get(0)).shuffleId();

    long deadline = System.currentTimeMillis() + 10_000;
    while ((shuffleFiles(shuffleId) > 0 || sc.env().mapOutputTracker().containsShuffle(shuffleId))
        && System.currentTimeMillis() < deadline) {
      System.gc();
      Thread.sleep(50);
    }
    assertThat(shuffleFiles(shuffleId)).isZero();
    assertThat(sc.env().mapOutputTracker().containsShuffle(shuffleId)).isFalse();
    assertThat(shuffleFiles(keptId)).as("a shuffle still referenced keeps its files").isEqualTo(6);
    assertThat(kept.collectAsMap()).containsEntry(3, 3);
  }

  private long broadcastBlocks(long broadcastId) {
    return sc.env().blockManager().blockIds().stream()
        .filter(b -> b instanceof BlockId.BroadcastBlockId piece && piece.broadcastId() == broadcastId).count();
  }

  /** Broadcasts a value, uses it in a job and lets the handle go; returns its id. */
  private long broadcastAndForgetIt() {
    Broadcast<List<Integer>> table = sc.broadcast(List.of(10, 20, 30));
    assertThat(sc.parallelize(List.of(0, 1, 2), 3).map(i -> table.value().get(i)).collect())
        .containsExactly(10, 20, 30);
    assertThat(broadcastBlocks(table.id())).as("its piece and the tasks' copy").isEqualTo(2);
    return table.id();
  }

  @Test
  void garbageCollectedBroadcastLosesItsBlocks() throws Exception {
    long forgotten = broadcastAndForgetIt();
    Broadcast<String> kept = sc.broadcast("kept");
    long deadline = System.currentTimeMillis() + 10_000;
    while (broadcastBlocks(forgotten) > 0 && System.currentTimeMillis() < deadline) {
      System.gc();
      Thread.sleep(50);
    }
    assertThat(broadcastBlocks(forgotten)).isZero();
    assertThat(broadcastBlocks(kept.id())).as("a broadcast still referenced keeps its piece and the driver's copy")
        .isEqualTo(2);
    assertThat(sc.parallelize(List.of(1), 1).map(i -> kept.value() + i).collect()).containsExactly("kept1");
  }

  @Test
  void stopDeletesAllShuffleFiles() throws Exception {
    PairRDD<Integer, Integer> counts = sc.parallelize(List.of(1, 2, 3), 3)
        .mapToPair(x -> new Tuple2<>(x, x)).reduceByKey(Integer::sum, 2);
    counts.collectAsMap();
    Path root = sc.env().blockManager().diskBlockManager().root();
    sc.stop();
    assertThat(Files.exists(root)).isFalse();
  }
}
