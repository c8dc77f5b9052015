package dev.ember.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Kryo serializers for {@code long[]}, {@code int[]} and {@code double[]} that copy the values in bulk as
 * fixed-width little-endian bytes. Kryo's own ones write every long and int as a variable-length number,
 * a branchy per-value loop that dominated serializing large arrays (a broadcast hash relation's slots and
 * keys): a memory copy costs a fraction of that, and the shuffle's compression takes back most of the bytes
 * that small values waste. Layout: the length plus one as a positive varint (0 for a null array), then the
 * values.
 */
final class PrimitiveArraySerializers {

  /** Values converted per chunk, so no chunk buffer grows with the array. */
  private static final int CHUNK_BYTES = 16 * 1024;

  private PrimitiveArraySerializers() {}

  /** Makes {@code kryo} use these serializers for the primitive arrays they cover. */
  static void register(Kryo kryo) {
    kryo.addDefaultSerializer(long[].class, new LongArray());
    kryo.addDefaultSerializer(int[].class, new IntArray());
    kryo.addDefaultSerializer(double[].class, new DoubleArray());
  }

  /** A conversion buffer for {@code bytes} bytes of values, at most a chunk. */
  private static ByteBuffer chunk(long bytes) {
    return ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Reads the length written before an array's values; -1 for a null array. */
  private static int readLength(Input input) {
    return input.readVarInt(true) - 1;
  }

  /** Bulk {@code long[]}. */
  static final class LongArray extends Serializer<long[]> {
    LongArray() {
      setAcceptsNull(true);
    }

    @Override
    public void write(Kryo kryo, Output output, long[] array) {
      if (array == null) {
        output.writeVarInt(0, true);
        return;
      }
      output.writeVarInt(array.length + 1, true);
      ByteBuffer bytes = chunk((long) array.length * 8);
      for (int at = 0; at < array.length;) {
        int n = Math.min(array.length - at, CHUNK_BYTES / 8);
        bytes.clear();
        bytes.asLongBuffer().put(array, at, n);
        output.writeBytes(bytes.array(), 0, n * 8);
        at += n;
      }
    }

    @Override
    public long[] read(Kryo kryo, Input input, Class<? extends long[]> type) {
      int length = readLength(input);
      if (length < 0) {
        return null;
      }
      long[] array = new long[length];
      ByteBuffer bytes = chunk((long) length * 8);
      for (int at = 0; at < length;) {
        int n = Math.min(length - at, CHUNK_BYTES / 8);
        input.readBytes(bytes.array(), 0, n * 8);
        bytes.clear();
        bytes.asLongBuffer().get(array, at, n);
        at += n;
      }
      return array;
    }

    @Override
    public long[] copy(Kryo kryo, long[] original) {
      return original.clone();
    }
  }

  /** Bulk {@code int[]}. */
  static final class IntArray extends Serializer<int[]> {
    IntArray() {
      setAcceptsNull(true);
    }

    @Override
    public void write(Kryo kryo, Output output, int[] array) {
      if (array == null) {
        output.writeVarInt(0, true);
        return;
      }
      output.writeVarInt(array.length + 1, true);
      ByteBuffer bytes = chunk((long) array.length * 4);
      for (int at = 0; at < array.length;) {
        int n = Math.min(array.length - at, CHUNK_BYTES / 4);
        bytes.clear();
        bytes.asIntBuffer().put(array, at, n);
        output.writeBytes(bytes.array(), 0, n * 4);
        at += n;
      }
    }

    @Override
    public int[] read(Kryo kryo, Input input, Class<? extends int[]> type) {
      int length = readLength(input);
      if (length < 0) {
        return null;
      }
      int[] array = new int[length];
      ByteBuffer bytes = chunk((long) length * 4);
      for (int at = 0; at < length;) {
        int n = Math.min(length - at, CHUNK_BYTES / 4);
        input.readBytes(bytes.array(), 0, n * 4);
        bytes.clear();
        bytes.asIntBuffer().get(array, at, n);
        at += n;
      }
      return array;
    }

    @Override
    public int[] copy(Kryo kryo, int[] original) {
      return original.clone();
    }
  }

  /** Bulk {@code double[]} (raw bits, so NaN payloads and -0.0 survive). */
  static final class DoubleArray extends Serializer<double[]> {
    DoubleArray() {
      setAcceptsNull(true);
    }

    @Override
    public void write(Kryo kryo, Output output, double[] array) {
      if (array == null) {
        output.writeVarInt(0, true);
        return;
      }
      output.writeVarInt(array.length + 1, true);
      ByteBuffer bytes = chunk((long) array.length * 8);
      for (int at = 0; at < array.length;) {
        int n = Math.min(array.length - at, CHUNK_BYTES / 8);
        bytes.clear();
        bytes.asDoubleBuffer().put(array, at, n);
        output.writeBytes(bytes.array(), 0, n * 8);
        at += n;
      }
    }

    @Override
    public double[] read(Kryo kryo, Input input, Class<? extends double[]> type) {
      int length = readLength(input);
      if (length < 0) {
        return null;
      }
      double[] array = new double[length];
      ByteBuffer bytes = chunk((long) length * 8);
      for (int at = 0; at < length;) {
        int n = Math.min(length - at, CHUNK_BYTES / 8);
        input.readBytes(bytes.array(), 0, n * 8);
        bytes.clear();
        bytes.asDoubleBuffer().get(array, at, n);
        at += n;
      }
      return array;
    }

    @Override
    public double[] copy(Kryo kryo, double[] original) {
      return original.clone();
    }
  }
}
