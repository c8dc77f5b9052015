package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectFileTest {

  @TempDir
  Path temp;
  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("ObjectFileTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private static List<String> listing(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void savedObjectsReadBackInOrder() throws Exception {
    String out = temp.resolve("pairs").toString();
    List<Tuple2<String, Integer>> pairs = IntStream.range(0, 25).mapToObj(i -> new Tuple2<>("k" + i, i)).toList();
    sc.parallelize(pairs, 3).saveAsObjectFile(out);

    assertThat(listing(Path.of(out))).containsExactly("_SUCCESS", "part-00000", "part-00001", "part-00002");
    RDD<Tuple2<String, Integer>> back = sc.objectFile(out);
    assertThat(back.getNumPartitions()).isEqualTo(3);
    assertThat(back.collect()).isEqualTo(pairs);
  }

  @Test
  void minPartitionsSplitsFilesBetweenBatches() {
    String out = temp.resolve("numbers").toString();
    List<Integer> numbers = IntStream.range(0, 100).boxed().toList();
    sc.parallelize(numbers, 1).saveAsObjectFile(out);
    // One file of ten batches of ten records, split in four ranges at batch boundaries.
    RDD<Integer> back = sc.objectFile(out, 4);
    assertThat(back.getNumPartitions()).isBetween(3, 5);
    assertThat(back.collect()).isEqualTo(numbers);
  }

  @Test
  void existingOutputPathIsRejected() throws Exception {
    Path out = Files.createDirectory(temp.resolve("exists"));
    assertThatThrownBy(() -> sc.parallelize(List.of(1), 1).saveAsObjectFile(out.toString()))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("PATH_ALREADY_EXISTS").hasMessageContaining("already exists");
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void failingJobLeavesNoOutput() {
    Path out = temp.resolve("failed");
    RDD<Integer> failing = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 4) {
        throw new IllegalStateException("broken record " + x);
      }
      return x;
    });
    assertThatThrownBy(() -> failing.saveAsObjectFile(out.toString())).hasMessageContaining("broken record 4");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void missingInputPathFailsClearly() {
    assertThatThrownBy(() -> sc.objectFile(temp.resolve("nothing").toString()).collect())
        .isInstanceOf(EmberException.class).hasMessageContaining("Input path does not exist");
  }
}
