package dev.ember.rdd.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitLineIteratorTest {

  @TempDir
  Path dir;

  /** Reads {@code file} cut into byte ranges of {@code splitSize} and concatenates the lines of all ranges. */
  private static List<String> readInSplits(Path file, long splitSize) throws IOException {
    long size = Files.size(file);
    List<String> lines = new ArrayList<>();
    long start = 0;
    do {
      long length = Math.min(splitSize, size - start);
      SplitLineIterator it = new SplitLineIterator(new FileSplit(file.toString(), start, length, true), null);
      it.forEachRemaining(lines::add);
      start += length;
    } while (start < size);
    return lines;
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void everySplitSizeYieldsEachLineExactlyOnce() throws IOException {
    // 3 + 1, 0 + 1, 5 + 2, 2 + 1 (lone \r), 6 ("é" is 2 bytes, "€" 3) + 1, 4 without terminator = 26 bytes
    String text = "abc\n\nhello\r\nxy\ré€1\nlast";
    Path file = write("mixed.txt", text.getBytes(StandardCharsets.UTF_8));
    List<String> expected = List.of("abc", "", "hello", "xy", "é€1", "last");
    long size = Files.size(file);
    assertThat(size).isEqualTo(26);
    for (long splitSize = 1; splitSize <= size + 1; splitSize++) {
      assertThat(readInSplits(file, splitSize)).as("split size %d", splitSize).isEqualTo(expected);
    }
  }

  @Test
  void trailingTerminatorAddsNoEmptyLineButBlankLinesAreKept() throws IOException {
    Path file = write("t.txt", "a\r\n\r\nb\n\n".getBytes(StandardCharsets.UTF_8));
    for (long splitSize = 1; splitSize <= 9; splitSize++) {
      assertThat(readInSplits(file, splitSize)).as("split size %d", splitSize).containsExactly("a", "", "b", "");
    }
  }

  @Test
  void randomTextsMatchAWholeFileReadForManySplitSizes() throws IOException {
    Random random = new Random(42);
    String alphabet = "ab\n\r\n x";
    for (int round = 0; round < 20; round++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(120);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Path file = write("random" + round + ".txt", text.toString().getBytes(StandardCharsets.UTF_8));
      List<String> whole = readInSplits(file, Long.MAX_VALUE / 2);
      assertThat(whole).isEqualTo(referenceLines(text.toString()));
      for (long splitSize = 1; splitSize <= length; splitSize += 1 + splitSize / 8) {
        assertThat(readInSplits(file, splitSize)).as("text %s, split size %d", text, splitSize).isEqualTo(whole);
      }
    }
  }

  /** Lines split at \r\n, \r or \n, the empty remainder after a final terminator dropped. */
  private static List<String> referenceLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(current.toString());
        current.setLength(0);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      lines.add(current.toString());
    }
    return lines;
  }

  @Test
  void fileSplitterHonoursMinPartitionsAndTheSlop() throws IOException {
    Path file = write("hundred.txt", new byte[100]);
    // goal 100 / 3 = 33: splits 33, 33, 34 (the last may be up to 10% larger than 33)
    List<FileSplit> splits = FileSplitter.split(List.of(file), 3, 1000);
    assertThat(splits).extracting(FileSplit::start).containsExactly(0L, 33L, 66L);
    assertThat(splits).extracting(FileSplit::length).containsExactly(33L, 33L, 34L);
    // capped by the maximum split size: 100 / 30 -> 4 splits, shared evenly rather than 30, 30, 30, 10
    assertThat(FileSplitter.split(List.of(file), 1, 30)).extracting(FileSplit::length)
        .containsExactly(25L, 25L, 25L, 25L);
  }

  @Test
  void cappedSplitsComeInFullWavesOfMinPartitions() throws IOException {
    Path file = write("two-hundred.txt", new byte[200]);
    // at most 32 bytes: Hadoop's 32 x 6 + 8 would leave one of 2 cores idle in the last wave;
    // 7 splits round up to 8 of 25 bytes, four full waves of 2
    assertThat(FileSplitter.split(List.of(file), 2, 32)).extracting(FileSplit::length)
        .containsExactly(25L, 25L, 25L, 25L, 25L, 25L, 25L, 25L);
    // 3 cores: 7 splits round up to 9; 200 / 9 -> 23 bytes each, the last 16
    assertThat(FileSplitter.split(List.of(file), 3, 32)).extracting(FileSplit::length)
        .containsExactly(23L, 23L, 23L, 23L, 23L, 23L, 23L, 23L, 16L);
    // uncapped, the goal total / minPartitions stays as it was: 200 / 4 -> 50 x 4
    assertThat(FileSplitter.split(List.of(file), 4, 1000)).extracting(FileSplit::length)
        .containsExactly(50L, 50L, 50L, 50L);
  }

  @Test
  void balancedSplitSizeNeverExceedsTheMaximum() {
    assertThat(FileSplitter.balancedSplitSize(200L << 20, 2, 32L << 20)).isEqualTo(25L << 20);
    assertThat(FileSplitter.balancedSplitSize(1, 8, 1)).isEqualTo(1);
    for (long total = 1; total < 300; total += 7) {
      for (int cores = 1; cores <= 5; cores++) {
        assertThat(FileSplitter.balancedSplitSize(total, cores, 16)).isBetween(1L, 16L);
      }
    }
  }

  @Test
  void compressedAndEmptyFilesAreOneSplitEach() throws IOException {
    Path gz = write("a.gz", new byte[50]);
    Path empty = write("empty.txt", new byte[0]);
    List<FileSplit> splits = FileSplitter.split(List.of(gz, empty), 10, 5);
    assertThat(splits).hasSize(2);
    assertThat(splits.get(0).splittable()).isFalse();
    assertThat(splits.get(0).length()).isEqualTo(50);
    assertThat(splits.get(1).length()).isZero();
  }
}
