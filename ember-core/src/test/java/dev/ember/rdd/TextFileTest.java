package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {

  @TempDir
  Path dir;

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("TextFileTest")
        .set("spark.files.maxPartitionBytes", "16"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Path writeCompressed(String name, String text, StreamWrapper wrapper) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (OutputStream out = wrapper.wrap(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private interface StreamWrapper {
    OutputStream wrap(OutputStream raw) throws IOException;
  }

  @Test
  void splitsOfAFileTogetherHoldEveryLineOnce() throws IOException {
    // 10 lines of 7 bytes = 70 bytes; at most 16 bytes per split: 5 splits, rounded up to 6 for 2 cores
    // (minPartitions 2), 70 / 6 -> 12 bytes each, the last 10
    List<String> lines = IntStream.range(0, 10).mapToObj(i -> "line-" + i).toList();
    Path file = write("ten.txt", String.join("\n", lines) + "\n");
    RDD<String> rdd = sc.textFile(file.toString());
    assertThat(rdd.getNumPartitions()).isEqualTo(6);
    assertThat(rdd.collect()).isEqualTo(lines);
    assertThat(rdd.count()).isEqualTo(10);
  }

  @Test
  void everyMinPartitionsCountReadsEachLineOnce() throws IOException {
    // lines of varied length, blank lines, CRLF and no final terminator: 58 bytes
    String text = "first line\n\nthird\r\n4\nfifth is a longer line\r\n\r\nseventh\nend";
    List<String> expected = List.of("first line", "", "third", "4", "fifth is a longer line", "", "seventh", "end");
    Path file = write("varied.txt", text);
    assertThat(Files.size(file)).isEqualTo(58);
    for (int minPartitions = 1; minPartitions <= 24; minPartitions++) {
      RDD<String> rdd = sc.textFile(file.toString(), minPartitions);
      assertThat(rdd.getNumPartitions()).as("partitions for %d", minPartitions).isGreaterThanOrEqualTo(minPartitions);
      assertThat(rdd.collect()).as("lines for minPartitions %d", minPartitions).isEqualTo(expected);
    }
  }

  @Test
  void minPartitionsSplitsSmallFilesFurther() throws IOException {
    Path file = write("abc.txt", "a\nb\nc\nd\n");   // 8 bytes, minPartitions 4: splits of 2 bytes
    RDD<String> rdd = sc.textFile(file.toString(), 4);
    assertThat(rdd.getNumPartitions()).isEqualTo(4);
    // Hadoop's rule: a split reads every line starting at or before its end (so split [0, 2) also reads "b",
    // which starts at byte 2) and a split not at byte 0 skips its first line (split [2, 4) skips "b").
    assertThat(rdd.glom().collect()).containsExactly(List.of("a", "b"), List.of("c"), List.of("d"), List.of());
  }

  @Test
  void compressedFilesAreDecompressedByExtensionOneSplitEach() throws IOException {
    String text = "alpha\nbeta\r\ngamma\nlonger line number four\nfive";
    writeCompressed("in/a.gz", text, GZIPOutputStream::new);
    writeCompressed("in/b.bz2", text, BZip2CompressorOutputStream::new);
    writeCompressed("in/c.zst", text, ZstdOutputStream::new);
    RDD<String> rdd = sc.textFile(dir.resolve("in").toString());
    assertThat(rdd.getNumPartitions()).isEqualTo(3);
    List<String> five = List.of("alpha", "beta", "gamma", "longer line number four", "five");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.addAll(five);
    }
    assertThat(rdd.collect()).isEqualTo(expected);
  }

  @Test
  void globsDirectoriesAndCommaListsSelectFiles() throws IOException {
    write("logs/2024-01/x.log", "x1\nx2\n");
    write("logs/2024-02/y.log", "y1\n");
    write("logs/2024-02/y.txt", "skip\n");
    write("logs/2023-12/z.log", "z1\n");
    write("other/o.txt", "o1\n");
    assertThat(sc.textFile(dir + "/logs/2024-*/*.log").collect()).containsExactly("x1", "x2", "y1");
    assertThat(sc.textFile(dir + "/logs/2024-0[2]," + dir + "/other").collect())
        .containsExactly("y1", "skip", "o1");
  }

  @Test
  void missingPathFailsAtTheFirstActionNamingThePath() {
    RDD<String> rdd = sc.textFile(dir + "/does-not-exist.txt");
    assertThatThrownBy(rdd::count)
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("PATH_NOT_FOUND")
        .hasMessageContaining("Input path does not exist")
        .hasMessageContaining("does-not-exist.txt");
  }

  @Test
  @Timeout(20)
  void missingPathBehindAShuffleFailsTheJob() {
    PairRDD<String, Integer> counts = sc.textFile(dir + "/missing/*.txt")
        .mapToPair(line -> new Tuple2<>(line, 1))
        .reduceByKey(Integer::sum, 2);
    assertThatThrownBy(counts::collect)
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("PATH_NOT_FOUND");
  }

  @Test
  void inputMetricsCountRecordsAndBytes() throws Exception {
    Path file = write("m.txt", "ab\ncd\nef\n");   // 9 bytes, one split
    List<long[]> metrics = new ArrayList<>();
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd taskEnd) {
        synchronized (metrics) {
          metrics.add(new long[] {taskEnd.metrics().recordsRead(), taskEnd.metrics().bytesRead()});
        }
      }
    });
    assertThat(sc.textFile(file.toString(), 1).count()).isEqualTo(3);
    sc.listenerBus().waitUntilEmpty(5000);
    synchronized (metrics) {
      assertThat(metrics).hasSize(1);
      assertThat(metrics.get(0)).containsExactly(3, 9);
    }
  }

  @Test
  void wholeTextFilesGivesPathAndContent() throws IOException {
    Path a = write("w/a.txt", "first\nfile");
    Path b = write("w/b.txt", "second");
    Map<String, String> files = sc.wholeTextFiles(dir.resolve("w").toString()).collectAsMap();
    assertThat(files).containsExactlyInAnyOrderEntriesOf(Map.of(
        "file:" + a.toAbsolutePath(), "first\nfile",
        "file:" + b.toAbsolutePath(), "second"));
  }

  @Test
  void saveAsTextFileRoundTripsWithoutCodec() throws IOException {
    Path out = dir.resolve("out");
    sc.parallelize(List.of(1, 2, 3, 4, 5), 2).saveAsTextFile(out.toString());
    assertThat(Files.readString(out.resolve("part-00000"))).isEqualTo("1\n2\n");
    assertThat(Files.readString(out.resolve("part-00001"))).isEqualTo("3\n4\n5\n");
    assertThat(out.resolve("_SUCCESS")).exists();
    assertThat(out.resolve("_temporary")).doesNotExist();
    assertThat(sc.textFile(out.toString()).collect()).containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void saveAsTextFileRoundTripsWithEachCodec() {
    List<String> lines = List.of("één", "two", "three");
    for (String codec : List.of("gzip", "org.apache.hadoop.io.compress.BZip2Codec", "zstd", "lz4")) {
      Path out = dir.resolve("out-" + codec);
      sc.parallelize(lines, 2).saveAsTextFile(out.toString(), codec);
      assertThat(sc.textFile(out.toString()).collect()).as(codec).isEqualTo(lines);
    }
    assertThat(dir.resolve("out-gzip/part-00000.gz")).exists();
    assertThat(dir.resolve("out-org.apache.hadoop.io.compress.BZip2Codec/part-00001.bz2")).exists();
    assertThat(dir.resolve("out-zstd/part-00000.zst")).exists();
  }

  @Test
  void savingAnEmptyRddLeavesOnlyTheMarker() throws IOException {
    Path out = dir.resolve("empty-out");
    sc.<Integer>emptyRDD().saveAsTextFile(out.toString());
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("_SUCCESS");
    }
    sc.parallelize(List.<Integer>of(), 2).saveAsTextFile(dir.resolve("two-empty").toString());
    assertThat(Files.size(dir.resolve("two-empty/part-00001"))).isZero();
  }

  @Test
  void saveIntoAnExistingDirectoryFailsFast() throws IOException {
    Path out = Files.createDirectory(dir.resolve("taken"));
    assertThatThrownBy(() -> sc.parallelize(List.of(1)).saveAsTextFile(out.toString()))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("PATH_ALREADY_EXISTS")
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> sc.parallelize(List.of(1)).saveAsTextFile(dir + "/x", "snappy-ish"))
        .hasMessageContaining("UNKNOWN_COMPRESSION_CODEC");
  }

  @Test
  void failingSaveLeavesNothingAtThePath() {
    Path out = dir.resolve("failed");
    RDD<Integer> failing = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 4) {
        throw new IllegalStateException("cannot format " + x);
      }
      return x;
    });
    assertThatThrownBy(() -> failing.saveAsTextFile(out.toString()))
        .hasMessageContaining("cannot format 4");
    assertThat(out).doesNotExist();
  }

  @Test
  void retriedTaskAttemptPublishesItsOutputOnce() throws IOException {
    Path out = dir.resolve("retried");
    // the first attempt of partition 1 writes part of its output, then fails
    sc.parallelize(List.of("a", "b", "c", "d"), 2).mapPartitions(it -> {
      TaskContext tc = TaskContext.get();
      if (tc.partitionId() == 1 && tc.attemptNumber() == 0) {
        return Iterators.map(it, x -> {
          if (x.equals("d")) {
            throw new IllegalStateException("first attempt fails");
          }
          return x;
        });
      }
      return it;
    }).saveAsTextFile(out.toString());
    assertThat(Files.readString(out.resolve("part-00001"))).isEqualTo("c\nd\n");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("_SUCCESS", "part-00000", "part-00001");
    }
  }

  @Test
  void unionOfFilesKeepsOrder() throws IOException {
    Path a = write("u/a.txt", "1\n2\n");
    Path b = write("u/b.txt", "3\n");
    RDD<String> union = sc.union(List.of(sc.textFile(a.toString(), 1), sc.textFile(b.toString(), 1)));
    assertThat(union.collect()).containsExactly("1", "2", "3");
    assertThat(sc.wholeTextFiles(b.toString()).collect()).containsExactly(new Tuple2<>("file:" + b, "3\n"));
  }
}
