package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

class RleBitPackedDecoderTest {

  /** Values in runs of repeats and of random values, so the encoder writes both run kinds. */
  private static int[] values(int bitWidth, int count, long seed) {
    Random random = new Random(seed);
    long bound = 1L << bitWidth;
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      boolean repeat = (i / 50) % 3 == 0 && i > 0;
      values[i] = repeat ? values[i - 1] : (int) (random.nextLong() & (bound - 1));
    }
    if (count > 0) {
      values[count - 1] = (int) (bound - 1);
    }
    return values;
  }

  private static ByteBuffer encode(int[] values, int bitWidth) throws IOException {
    try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
        new HeapByteBufferAllocator())) {
      for (int v : values) {
        encoder.writeInt(v);
      }
      return ByteBuffer.wrap(encoder.toBytes().toByteArray());
    }
  }

  @Test
  void decodesEveryBitWidthUpToTheBufferEndInUnevenChunks() throws IOException {
    for (int bitWidth = 1; bitWidth <= 32; bitWidth++) {
      int[] expected = values(bitWidth, 1003, bitWidth);
      RleBitPackedDecoder decoder = new RleBitPackedDecoder(encode(expected, bitWidth), bitWidth);
      int[] out = new int[expected.length];
      int done = 0;
      int chunk = 1;
      while (done < expected.length) {
        int n = Math.min(chunk, expected.length - done);
        int[] part = new int[n];
        decoder.read(part, n);
        System.arraycopy(part, 0, out, done, n);
        done += n;
        chunk = chunk * 3 % 97 + 1;
      }
      assertThat(out).as("bit width %d", bitWidth).containsExactly(expected);
    }
  }

  @Test
  void aReadStartingMidGroupWithinEightBytesOfTheEndStaysAligned() throws IOException {
    // Short pages of definition levels (NULL every fourth row) split at every point: the second read starts
    // inside a group near the buffer's end, where values are read one at a time up to a group boundary.
    for (int total = 20; total < 300; total += 7) {
      int[] levels = new int[total];
      for (int i = 0; i < total; i++) {
        levels[i] = i % 4 == 2 ? 0 : 1;
      }
      ByteBuffer bytes = encode(levels, 1);
      for (int split = 1; split < total; split++) {
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(bytes, 1);
        boolean[] nulls = new boolean[total];
        int[] scratch = new int[total];
        int present = decoder.readNulls(nulls, 0, split, 1, scratch);
        present += decoder.readNulls(nulls, split, total - split, 1, scratch);
        for (int i = 0; i < total; i++) {
          assertThat(nulls[i]).as("%d levels split at %d, row %d", total, split, i).isEqualTo(i % 4 == 2);
        }
        assertThat(present).isEqualTo(total - (total + 1) / 4);
      }
    }
  }

  @Test
  void unpacksNarrowWidthsGroupAtATimeFromAnyStartingValue() throws IOException {
    for (int bitWidth = 1; bitWidth <= 8; bitWidth++) {
      // Random values only: one long bit-packed run, read from values that start mid-group and end anywhere.
      Random random = new Random(bitWidth);
      int[] expected = new int[5000];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = random.nextInt(1 << bitWidth);
      }
      for (int first : new int[] {0, 3, 7, 8, 21}) {
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(encode(expected, bitWidth), bitWidth);
        int[] out = new int[expected.length];
        int[] head = new int[first];
        decoder.read(head, first);
        System.arraycopy(head, 0, out, 0, first);
        int done = first;
        int chunk = 17;
        while (done < expected.length) {
          int n = Math.min(chunk, expected.length - done);
          int[] part = new int[n];
          decoder.read(part, n);
          System.arraycopy(part, 0, out, done, n);
          done += n;
          chunk = chunk * 7 % 1201 + 16;
        }
        assertThat(out).as("bit width %d from value %d", bitWidth, first).containsExactly(expected);
      }
    }
  }

  @Test
  void decodesBufferSlicesThatDoNotStartAtZero() throws IOException {
    int[] expected = values(9, 300, 42);
    ByteBuffer encoded = encode(expected, 9);
    ByteBuffer padded = ByteBuffer.allocate(encoded.remaining() + 13);
    padded.position(13);
    padded.put(encoded);
    padded.position(13);
    int[] out = new int[300];
    new RleBitPackedDecoder(padded, 9).read(out, 300);
    assertThat(out).containsExactly(expected);
  }

  @Test
  void readsDefinitionLevelsAsNullFlags() throws IOException {
    int[] levels = new int[700];
    for (int i = 0; i < levels.length; i++) {
      // A long run of non-NULLs, then NULLs every third row, then a run of NULLs.
      levels[i] = i < 200 ? 1 : i < 500 ? (i % 3 == 0 ? 0 : 1) : 0;
    }
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(encode(levels, 1), 1);
    boolean[] nulls = new boolean[710];
    int[] scratch = new int[700];
    int present = decoder.readNulls(nulls, 5, 350, 1, scratch) + decoder.readNulls(nulls, 355, 350, 1, scratch);
    int expectedPresent = 0;
    for (int i = 0; i < levels.length; i++) {
      assertThat(nulls[5 + i]).as("row %d", i).isEqualTo(levels[i] == 0);
      expectedPresent += levels[i];
    }
    assertThat(present).isEqualTo(expectedPresent).isEqualTo(200 + 200);
    assertThat(nulls[0]).isFalse();
  }

  @Test
  void readsOnlySelectedValuesAcrossRunsMixedWithWholeReads() throws IOException {
    for (int bitWidth : new int[] {0, 1, 3, 8, 9, 17, 32}) {
      int[] expected = bitWidth == 0 ? new int[1003] : values(bitWidth, 1003, bitWidth);
      RleBitPackedDecoder decoder = new RleBitPackedDecoder(encode(expected, bitWidth), bitWidth);
      int done = 0;
      int chunk = 1;
      int call = 0;
      while (done < expected.length) {
        int n = Math.min(chunk, expected.length - done);
        int[] positions = new int[n];
        int m = 0;
        // Alternately: every value, none, one in seven, and the last only; and a whole read in between.
        for (int p = 0; p < n; p++) {
          boolean take = switch (call % 5) {
            case 0 -> true;
            case 1 -> false;
            case 2 -> p % 7 == 3;
            default -> p == n - 1;
          };
          if (take) {
            positions[m++] = p;
          }
        }
        int[] out = new int[n];
        if (call % 5 == 4) {
          decoder.read(out, n);
          for (int p = 0; p < n; p++) {
            assertThat(out[p]).as("width %d value %d", bitWidth, done + p).isEqualTo(expected[done + p]);
          }
        } else {
          decoder.readSelected(positions, m, n, out);
          for (int j = 0; j < m; j++) {
            assertThat(out[j]).as("width %d value %d", bitWidth, done + positions[j])
                .isEqualTo(expected[done + positions[j]]);
          }
        }
        done += n;
        chunk = chunk * 5 % 211 + 1;
        call++;
      }
    }
  }
}
