package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@link RleBitPackedDecoder} against values known up front: pages built run by run here (repeated
 * runs and bit-packed runs of random lengths, the last one padded to a whole group) at every bit width 0..32,
 * the last group ending exactly at the array's end, on heap arrays with and without an offset and on direct
 * buffers; whole reads in chunks that split runs and groups anywhere; selective reads keeping none, a few, most
 * or all of a chunk's values; and definition levels of maximum 1 read as NULL flags.
 */
class RleBitPackedDecoderPathsTest {

  /** A page's bytes and the values it holds. */
  private record Page(byte[] bytes, int[] values) {
  }

  private static void varInt(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private static void repeated(ByteArrayOutputStream out, int value, int count, int width) {
    varInt(out, count << 1);
    for (int b = 0; b < (width + 7) / 8; b++) {
      out.write(value >>> (8 * b) & 0xFF);
    }
  }

  /** A bit-packed run of {@code values}, whose length is a multiple of eight, least significant bit first. */
  private static void packed(ByteArrayOutputStream out, int[] values, int width) {
    varInt(out, (values.length / 8) << 1 | 1);
    byte[] packed = new byte[values.length / 8 * width];
    for (int i = 0; i < values.length; i++) {
      for (int b = 0; b < width; b++) {
        if ((values[i] >>> b & 1) != 0) {
          long bit = (long) i * width + b;
          packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
        }
      }
    }
    out.write(packed, 0, packed.length);
  }

  private static int random(Random random, int width) {
    return width == 0 ? 0 : (int) (random.nextLong() & ((1L << width) - 1));
  }

  /**
   * {@code count} values in repeated runs of 1 to 40 and bit-packed runs of 1 to 40 groups, the last run
   * bit-packed with its last group padded when {@code packedLast}.
   */
  private static Page page(int width, int count, long seed, boolean packedLast) {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] values = new int[count];
    int done = 0;
    while (done < count) {
      int left = count - done;
      boolean last = packedLast && left <= 64;
      if (!last && random.nextInt(3) == 0) {
        int n = Math.min(left, 1 + random.nextInt(40));
        int value = random(random, width);
        Arrays.fill(values, done, done + n, value);
        repeated(out, value, n, width);
        done += n;
      } else {
        int n = last ? left : Math.min(left / 8 * 8, 8 * (1 + random.nextInt(40)));
        if (n == 0) {
          n = left;
        }
        int[] run = new int[(n + 7) / 8 * 8];
        for (int i = 0; i < run.length; i++) {
          run[i] = random(random, width);
        }
        // The widest value at each width, and a run's values past the page's count as padding.
        run[0] = width == 0 ? 0 : (int) ((1L << width) - 1);
        System.arraycopy(run, 0, values, done, n);
        packed(out, run, width);
        done += n;
      }
    }
    return new Page(out.toByteArray(), values);
  }

  /** The page's bytes as a heap buffer ending at its array's end, at an offset, or as a direct buffer. */
  private static ByteBuffer buffer(byte[] bytes, int kind) {
    if (kind == 0) {
      return ByteBuffer.wrap(bytes);
    }
    if (kind == 1) {
      byte[] shifted = new byte[bytes.length + 5];
      Arrays.fill(shifted, (byte) -1);
      System.arraycopy(bytes, 0, shifted, 3, bytes.length);
      // Bytes past the page's limit are not zero: a decoder must not let them into values.
      return ByteBuffer.wrap(shifted, 3, bytes.length).slice();
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
    direct.put(bytes).flip();
    return direct;
  }

  @Test
  void wholeReadsMatchAtEveryBitWidthAndBufferKind() {
    for (int width = 0; width <= 32; width++) {
      for (int kind = 0; kind < 3; kind++) {
        Page page = page(width, 2003, width * 31L + kind, kind != 1);
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(buffer(page.bytes(), kind), width);
        int done = 0;
        int chunk = 1;
        while (done < page.values().length) {
          int n = Math.min(chunk, page.values().length - done);
          int[] out = new int[n];
          decoder.read(out, n);
          assertThat(out).as("width %d kind %d from %d", width, kind, done)
              .containsExactly(Arrays.copyOfRange(page.values(), done, done + n));
          done += n;
          chunk = chunk * 7 % 301 + 1;
        }
      }
    }
  }

  @Test
  void aLongBitPackedRunReadWholeEndsExactlyAtThePageEnd() {
    for (int width = 1; width <= 32; width++) {
      Random random = new Random(width);
      int[] values = new int[8 * 50];
      for (int i = 0; i < values.length; i++) {
        values[i] = random(random, width);
      }
      values[values.length - 1] = width == 32 ? -1 : (1 << width) - 1;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      packed(out, values, width);
      int[] read = new int[values.length];
      new RleBitPackedDecoder(ByteBuffer.wrap(out.toByteArray()), width).read(read, values.length);
      assertThat(read).as("width %d", width).containsExactly(values);
    }
  }

  /** Positions of {@code n} values to keep: none, one in 13, 98% of them at random, all, or the last only. */
  private static int[] selection(int kind, int n, Random random) {
    int[] positions = new int[n];
    int m = 0;
    for (int p = 0; p < n; p++) {
      boolean keep = switch (kind) {
        case 0 -> false;
        case 1 -> p % 13 == 5;
        case 2 -> random.nextInt(50) != 0;
        case 3 -> true;
        default -> p == n - 1;
      };
      if (keep) {
        positions[m++] = p;
      }
    }
    return Arrays.copyOf(positions, m);
  }

  @Test
  void selectedReadsMatchForEmptySparseDenseAndFullSelections() {
    for (int width = 0; width <= 32; width++) {
      for (int kind = 0; kind < 3; kind++) {
        Page page = page(width, 3001, width * 17L + kind, true);
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(buffer(page.bytes(), kind), width);
        Random random = new Random(width);
        int done = 0;
        int chunk = 5;
        int call = 0;
        while (done < page.values().length) {
          int n = Math.min(chunk, page.values().length - done);
          int[] out = new int[n];
          if (call % 6 == 5) {
            decoder.read(out, n);
            assertThat(out).containsExactly(Arrays.copyOfRange(page.values(), done, done + n));
          } else {
            int[] positions = selection(call % 6, n, random);
            decoder.readSelected(positions, positions.length, n, out);
            for (int j = 0; j < positions.length; j++) {
              assertThat(out[j]).as("width %d kind %d value %d", width, kind, done + positions[j])
                  .isEqualTo(page.values()[done + positions[j]]);
            }
          }
          done += n;
          chunk = chunk * 11 % 517 + 3;
          call++;
        }
      }
    }
  }

  @Test
  void aDenseSelectionWiderThanEarlierOnesGrowsTheScratch() {
    Page page = page(13, 5000, 99, true);
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(ByteBuffer.wrap(page.bytes()), 13);
    int done = 0;
    for (int n : new int[] {16, 400, 4584}) {
      int[] positions = new int[n - 1];
      for (int p = 0; p < positions.length; p++) {
        positions[p] = p < 3 ? p : p + 1;
      }
      int[] out = new int[n];
      decoder.readSelected(positions, positions.length, n, out);
      for (int j = 0; j < positions.length; j++) {
        assertThat(out[j]).as("value %d", done + positions[j]).isEqualTo(page.values()[done + positions[j]]);
      }
      done += n;
    }
  }

  @Test
  void definitionLevelsOfMaximumOneReadAsNullFlagsOverMixedRuns() {
    for (int kind = 0; kind < 3; kind++) {
      Page page = page(1, 4099, kind, true);
      RleBitPackedDecoder decoder = new RleBitPackedDecoder(buffer(page.bytes(), kind), 1);
      boolean[] nulls = new boolean[page.values().length + 3];
      int[] scratch = new int[page.values().length];
      int present = 0;
      int done = 0;
      int chunk = 9;
      while (done < page.values().length) {
        int n = Math.min(chunk, page.values().length - done);
        present += decoder.readNulls(nulls, 3 + done, n, 1, scratch);
        done += n;
        chunk = chunk * 13 % 1001 + 1;
      }
      int expected = 0;
      for (int i = 0; i < page.values().length; i++) {
        assertThat(nulls[3 + i]).as("kind %d row %d", kind, i).isEqualTo(page.values()[i] == 0);
        expected += page.values()[i];
      }
      assertThat(present).isEqualTo(expected);
    }
  }

  @Test
  void idsIntoADictionaryOfOneEntryHaveNoBits() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    repeated(out, 0, 100, 0);
    packed(out, new int[24], 0);
    repeated(out, 0, 3, 0);
    assertThat(out.toByteArray()).as("headers only").hasSize(4);
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(ByteBuffer.wrap(out.toByteArray()), 0);
    int[] ids = new int[90];
    Arrays.fill(ids, 7);
    decoder.read(ids, 90);
    assertThat(ids).containsOnly(0);
    int[] positions = {0, 5, 9, 10, 11, 30};
    int[] selected = {7, 7, 7, 7, 7, 7};
    decoder.readSelected(positions, positions.length, 37, selected);
    assertThat(selected).containsOnly(0);
  }
}
