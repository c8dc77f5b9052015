package dev.ember.sql.execution.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameOfReferenceTest {

  /** Ranges that need 0, 1, 2, 4 and 8 bytes per offset, each starting at a negative base. */
  private static final long[] SPANS = {0, 255, 65_535, 4_294_967_295L, Long.MAX_VALUE};
  private static final int[] WIDTHS = {0, 1, 2, 4, 8};

  private static long[] longsIn(long base, long span, int rows, Random random) {
    long[] values = new long[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = span == 0 ? base : base + Math.floorMod(random.nextLong(), span + 1);
    }
    if (rows > 1) {
      values[0] = base;
      values[rows - 1] = base + span;
    }
    return values;
  }

  @Test
  void longsRoundTripAtEveryWidthWithAndWithoutNulls() {
    Random random = new Random(3);
    for (int w = 0; w < SPANS.length; w++) {
      long base = w == 4 ? -1 : -1000;
      long[] values = longsIn(base, SPANS[w], 1000, random);
      boolean[] none = new boolean[1000];
      for (boolean mayHaveNulls : new boolean[] {false, true}) {
        BatchBytesWriter out = new BatchBytesWriter(16);
        FrameOfReference.writeLongs(values, none, mayHaveNulls, 1000, out);
        assertThat(out.array()[0]).as("width of span %d", SPANS[w]).isEqualTo((byte) WIDTHS[w]);
        assertThat(out.position()).isEqualTo(9 + 1000 * WIDTHS[w]);
        long[] back = new long[1000];
        FrameOfReference.readLongs(new BatchBytesReader(out.array(), 0, out.position()), back, 1000);
        assertThat(back).containsExactly(values);
      }
    }
  }

  @Test
  void intsRoundTripAtEveryWidthWithAndWithoutNulls() {
    Random random = new Random(4);
    long[] spans = {0, 200, 60_000, 4_000_000_000L};
    int[] widths = {0, 1, 2, 4};
    for (int w = 0; w < spans.length; w++) {
      long[] wide = longsIn(Integer.MIN_VALUE + 5, spans[w], 777, random);
      int[] values = new int[777];
      for (int i = 0; i < 777; i++) {
        values[i] = (int) wide[i];
      }
      for (boolean mayHaveNulls : new boolean[] {false, true}) {
        BatchBytesWriter out = new BatchBytesWriter(16);
        FrameOfReference.writeInts(values, new boolean[777], mayHaveNulls, 777, out);
        assertThat(out.array()[0]).isEqualTo((byte) widths[w]);
        int[] back = new int[777];
        FrameOfReference.readInts(new BatchBytesReader(out.array(), 0, out.position()), back, 777);
        assertThat(back).containsExactly(values);
      }
    }
    int[] extremes = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
    BatchBytesWriter out = new BatchBytesWriter(16);
    FrameOfReference.writeInts(extremes, new boolean[3], false, 3, out);
    int[] back = new int[3];
    FrameOfReference.readInts(new BatchBytesReader(out.array(), 0, out.position()), back, 3);
    assertThat(back).containsExactly(extremes);
  }

  @Test
  void nullRowsDoNotWidenTheRangeAndNonNullRowsSurvive() {
    long[] values = {5, Long.MIN_VALUE, 7, Long.MAX_VALUE, 6};
    boolean[] nulls = {false, true, false, true, false};
    BatchBytesWriter out = new BatchBytesWriter(16);
    FrameOfReference.writeLongs(values, nulls, true, 5, out);
    assertThat(out.array()[0]).isEqualTo((byte) 1);
    long[] back = new long[5];
    FrameOfReference.readLongs(new BatchBytesReader(out.array(), 0, out.position()), back, 5);
    assertThat(new long[] {back[0], back[2], back[4]}).containsExactly(5, 7, 6);

    int[] ints = {Integer.MAX_VALUE, 10, 12};
    out = new BatchBytesWriter(16);
    FrameOfReference.writeInts(ints, new boolean[] {true, false, false}, true, 3, out);
    assertThat(out.array()[0]).isEqualTo((byte) 1);
  }

  @Test
  void emptyAndAllNullInputsWriteWidthZero() {
    BatchBytesWriter out = new BatchBytesWriter(16);
    FrameOfReference.writeLongs(new long[0], new boolean[0], false, 0, out);
    FrameOfReference.writeInts(new int[0], null, false, 0, out);
    FrameOfReference.writeLongs(new long[] {1, 99}, new boolean[] {true, true}, true, 2, out);
    assertThat(out.position()).isEqualTo(3 * 9);
    BatchBytesReader in = new BatchBytesReader(out.array(), 0, out.position());
    FrameOfReference.readLongs(in, new long[0], 0);
    FrameOfReference.readInts(in, new int[0], 0);
    long[] back = new long[2];
    FrameOfReference.readLongs(in, back, 2);
    assertThat(in.position()).isEqualTo(out.position());
  }

  @Test
  void writesAfterEarlierBytesAndIntoAGrowingBuffer() {
    BatchBytesWriter out = new BatchBytesWriter(16);
    out.writeInt(42);
    long[] values = longsIn(100, 60_000, 3000, new Random(5));
    FrameOfReference.writeLongs(values, new boolean[3000], false, 3000, out);
    BatchBytesReader in = new BatchBytesReader(out.array(), 0, out.position());
    assertThat(in.readInt()).isEqualTo(42);
    long[] back = new long[3000];
    FrameOfReference.readLongs(in, back, 3000);
    assertThat(back).containsExactly(values);
  }
}
