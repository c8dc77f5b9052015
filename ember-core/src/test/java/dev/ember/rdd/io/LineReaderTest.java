package dev.ember.rdd.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  /** A stream that hands out at most {@code chunk} bytes per read, so lines straddle buffer refills. */
  private static InputStream chunked(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static List<String> readAll(LineReader reader, List<Long> lineBytes) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      lines.add(line);
      lineBytes.add(reader.lastLineBytes());
    }
    return lines;
  }

  @Test
  void everyTerminatorEndsALineAndCountsItsBytes() throws IOException {
    byte[] text = "a\nbb\r\nccc\rdddd\n\neee".getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 2, 3, 5, 64 * 1024}) {
      List<Long> lineBytes = new ArrayList<>();
      List<String> lines = readAll(new LineReader(chunked(text, chunk)), lineBytes);
      assertThat(lines).as("chunk %d", chunk).containsExactly("a", "bb", "ccc", "dddd", "", "eee");
      assertThat(lineBytes).as("chunk %d", chunk).containsExactly(2L, 4L, 4L, 5L, 1L, 3L);
    }
  }

  @Test
  void multiByteCharactersSurviveBufferRefillsInsideThem() throws IOException {
    String line = "żółw→𝄞 ünïcode";
    String text = (line + "\n").repeat(50);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int chunk = 1; chunk <= 7; chunk++) {
      List<Long> lineBytes = new ArrayList<>();
      List<String> lines = readAll(new LineReader(chunked(bytes, chunk)), lineBytes);
      assertThat(lines).hasSize(50).containsOnly(line);
      assertThat(lineBytes).containsOnly((long) line.getBytes(StandardCharsets.UTF_8).length + 1);
    }
  }

  @Test
  void linesLongerThanTheBufferAndRandomTextMatchASplitOfTheWholeText() throws IOException {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      int length = random.nextInt(10) == 0 ? 70_000 + random.nextInt(70_000) : random.nextInt(200);
      for (int c = 0; c < length; c++) {
        text.append(random.nextInt(50) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
      }
      text.append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    List<String> expected = List.of(text.toString().split("\n", -1)).subList(0, 300);
    for (int chunk : new int[] {4096, 64 * 1024, Integer.MAX_VALUE}) {
      List<Long> lineBytes = new ArrayList<>();
      assertThat(readAll(new LineReader(chunked(bytes, chunk)), lineBytes)).isEqualTo(expected);
      assertThat(lineBytes.stream().mapToLong(Long::longValue).sum()).isEqualTo(bytes.length);
    }
  }
}
