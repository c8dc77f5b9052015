package dev.ember.serializer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrimitiveArraySerializersTest {

  private final SerializerInstance kryo = new KryoSerializer().newInstance();

  /** A holder whose array fields may be null, as a relation's optional arrays are. */
  static final class Holder {
    long[] longs;
    int[] ints;
    double[] doubles;
  }

  private <T> T roundTrip(T value) {
    return kryo.deserialize(kryo.serialize(value));
  }

  @Test
  void arraysOfEveryLengthRoundTripIncludingChunkBoundaries() {
    Random random = new Random(7);
    for (int length : new int[] {0, 1, 7, 2047, 2048, 2049, 4096, 4097, 10_000}) {
      long[] longs = random.longs(length).toArray();
      int[] ints = random.ints(length).toArray();
      double[] doubles = random.doubles(length).toArray();
      assertThat(roundTrip(longs)).containsExactly(longs);
      assertThat(roundTrip(ints)).containsExactly(ints);
      assertThat(roundTrip(doubles)).containsExactly(doubles);
    }
  }

  @Test
  void extremesAndSpecialDoublesKeepTheirBits() {
    long[] longs = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
    int[] ints = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    double[] doubles = {-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};
    assertThat(roundTrip(longs)).containsExactly(longs);
    assertThat(roundTrip(ints)).containsExactly(ints);
    double[] back = roundTrip(doubles);
    for (int i = 0; i < doubles.length; i++) {
      assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(doubles[i]));
    }
  }

  @Test
  void nullAndPresentArrayFieldsRoundTrip() {
    Holder holder = new Holder();
    holder.ints = new int[] {3, -4, 5};
    Holder back = roundTrip(holder);
    assertThat(back.longs).isNull();
    assertThat(back.doubles).isNull();
    assertThat(back.ints).containsExactly(3, -4, 5);
  }

  @Test
  void integersArePackedPerChunkInTheWidthTheirRangeNeeds() {
    int header = kryo.serialize(new long[0]).remaining();
    // 4097 equal longs: a second length byte, then three chunks (2048, 2048, 1) of a width byte and a minimum.
    assertThat(kryo.serialize(new long[4097]).remaining() - header).isEqualTo(1 + 3 * 9);
    long[] small = new long[2048];
    int[] smallInts = new int[2048];
    long[] wide = new long[2048];
    for (int i = 0; i < 2048; i++) {
      small[i] = 1_000_000 + i % 200;
      smallInts[i] = -5 + i * 30;
      wide[i] = i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    assertThat(kryo.serialize(small).remaining() - header).isEqualTo(1 + 9 + 2048);
    assertThat(kryo.serialize(smallInts).remaining() - kryo.serialize(new int[0]).remaining())
        .isEqualTo(1 + 9 + 2048 * 2);
    assertThat(kryo.serialize(wide).remaining() - header).isEqualTo(1 + 9 + 2048 * 8);
    assertThat(roundTrip(small)).containsExactly(small);
    assertThat(roundTrip(smallInts)).containsExactly(smallInts);
    assertThat(roundTrip(wide)).containsExactly(wide);
  }

  @Test
  void chunksOfEveryWidthRoundTrip() {
    Random random = new Random(11);
    long[] spans = {0, 100, 50_000, 3_000_000_000L, Long.MAX_VALUE};
    long[] longs = new long[spans.length * 2048 + 5];
    int[] ints = new int[longs.length];
    for (int i = 0; i < longs.length; i++) {
      long span = spans[Math.min(i / 2048, spans.length - 1)];
      longs[i] = -77 + (span == 0 ? 0 : Math.floorMod(random.nextLong(), span));
      ints[i] = (int) longs[i];
    }
    assertThat(roundTrip(longs)).containsExactly(longs);
    assertThat(roundTrip(ints)).containsExactly(ints);
  }

  @Test
  void streamsOfArraysRoundTripThroughSmallBuffers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long[] first = new Random(1).longs(5000).toArray();
    int[] second = {1, 2, 3};
    try (SerializationStream out = kryo.serializeStream(bytes)) {
      out.writeObject(first);
      out.writeObject(second);
    }
    DeserializationStream in = kryo.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat((long[]) in.readObject()).containsExactly(first);
    assertThat((int[]) in.readObject()).containsExactly(second);
  }
}
