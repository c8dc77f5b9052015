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
  void arraysAreWrittenAsFixedWidthValuesAfterTheirLength() {
    // Class id and reference bytes come first; the 4097 longs then take exactly 8 bytes each.
    int small = kryo.serialize(new long[] {1}).remaining();
    int large = kryo.serialize(new long[4097]).remaining();
    assertThat(large - small).isEqualTo(4096 * 8 + 1);
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
