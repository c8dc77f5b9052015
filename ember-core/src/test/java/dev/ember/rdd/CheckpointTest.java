package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.storage.BlockId;
import dev.ember.util.LongAccumulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  @TempDir
  Path temp;
  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("CheckpointTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void checkpointWithoutDirectoryTellsToSetOne() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2), 2);
    assertThatThrownBy(numbers::checkpoint).isInstanceOf(EmberException.class)
        .hasMessageContaining("CHECKPOINT_DIR_NOT_SET").hasMessageContaining("setCheckpointDir");
  }

  @Test
  void checkpointWritesFilesAndTruncatesLineage() throws Exception {
    sc.setCheckpointDir(temp.toString());
    assertThat(sc.getCheckpointDir()).hasValueSatisfying(dir -> assertThat(dir).startsWith(temp.toString()));
    LongAccumulator computed = sc.longAccumulator("computed");
    PairRDD<String, Integer> counts = sc.parallelize(List.of("a", "b", "a", "c", "a", "b"), 3)
        .mapToPair(w -> {
          computed.add(1);
          return new Tuple2<>(w, 1);
        })
        .reduceByKey(Integer::sum, 2);
    RDD<Tuple2<String, Integer>> rdd = counts.rdd().cache();
    rdd.checkpoint();
    assertThat(rdd.isCheckpointed()).isFalse();

    assertThat(counts.collectAsMap()).isEqualTo(Map.of("a", 3, "b", 2, "c", 1));
    assertThat(rdd.isCheckpointed()).isTrue();
    assertThat(rdd.dependencies()).hasSize(1);
    assertThat(rdd.dependencies().get(0).rdd()).isInstanceOf(ReliableCheckpointRDD.class);
    assertThat(rdd.partitioner()).contains(new HashPartitioner(2));
    Path dir = Path.of(rdd.getCheckpointFile().orElseThrow());
    assertThat(dir.getFileName().toString()).isEqualTo("rdd-" + rdd.id());
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly("part-00000", "part-00001");
    }

    // The cached blocks are gone: the data now comes from the files, not from the lineage.
    rdd.unpersist();
    assertThat(sc.env().blockManager().contains(new BlockId.RDDBlockId(rdd.id(), 0))).isFalse();
    assertThat(rdd.map(t -> t._1() + "=" + t._2()).collect()).containsExactlyInAnyOrder("a=3", "b=2", "c=1");
    assertThat(computed.value()).isEqualTo(6);
  }

  @Test
  void localCheckpointKeepsBlocksAndTruncatesLineage() {
    LongAccumulator computed = sc.longAccumulator("computed");
    RDD<Integer> doubled = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      computed.add(1);
      return x * 2;
    }).localCheckpoint();
    assertThat(doubled.getStorageLevel().useDisk()).isTrue();
    assertThat(doubled.reduce(Integer::sum)).isEqualTo(20);
    assertThat(doubled.isCheckpointed()).isTrue();
    assertThat(doubled.dependencies().get(0).rdd()).isInstanceOf(LocalCheckpointRDD.class);
    assertThat(doubled.collect()).containsExactly(2, 4, 6, 8);
    assertThat(computed.value()).isEqualTo(4);

    sc.env().blockManager().removeBlock(new BlockId.RDDBlockId(doubled.id(), 1));
    assertThatThrownBy(doubled::collect).isInstanceOf(EmberException.class)
        .hasMessageContaining("CHECKPOINT_BLOCK_NOT_FOUND");
  }
}
