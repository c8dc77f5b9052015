package dev.ember.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Kryo serializers for {@code long[]}, {@code int[]} and {@code double[]} that convert values in bulk.
 * Kryo's own ones write every long and int as a variable-length number, a branchy per-value loop that
 * dominated serializing large arrays (a broadcast hash relation's slots and keys). Layout: the length plus
 * one as a positive varint (0 for a null array), then the values: doubles as fixed-width little-endian
 * bytes; ints and longs in chunks of {@value #CHUNK_VALUES}, each a width byte (0, 1, 2, 4 or 8), the
 * chunk's minimum (8 bytes) and one offset from it per value in that width, so keys and ids that span a
 * small range stay about as compact as varints while every loop stays tight.
 */
final class PrimitiveArraySerializers {

  /** Values converted per chunk, so no chunk buffer grows with the array. */
  private static final int CHUNK_BYTES = 16 * 1024;
  /** Values per packed chunk of a long array. */
  private static final int CHUNK_VALUES = CHUNK_BYTES / 8;
  /** A packed chunk's width byte and minimum. */
  private static final int HEADER = 9;

  private PrimitiveArraySerializers() {}

  /** Makes {@code kryo} use these serializers for the primitive arrays they cover. */
  static void register(Kryo kryo) {
    kryo.addDefaultSerializer(long[].class, new LongArray());
    kryo.addDefaultSerializer(int[].class, new IntArray());
    kryo.addDefaultSerializer(double[].class, new DoubleArray());
  }

  /** A conversion buffer for {@code bytes} bytes of values, at most a chunk. */
  private static ByteBuffer chunk(long bytes) {
    return ByteBuffer.allocate((int) Math.min(HEADER + CHUNK_BYTES, bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Reads the length written before an array's values; -1 for a null array. */
  private static int readLength(Input input) {
    return input.readVarInt(true) - 1;
  }

  /** Bulk {@code long[]}, each chunk packed as offsets from its minimum (see the class comment). */
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
      ByteBuffer bytes = chunk(HEADER + (long) array.length * 8);
      for (int at = 0; at < array.length;) {
        int n = Math.min(array.length - at, CHUNK_VALUES);
        output.writeBytes(bytes.array(), 0, packLongs(array, at, n, bytes));
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
      ByteBuffer bytes = chunk(HEADER + (long) length * 8);
      for (int at = 0; at < length;) {
        int n = Math.min(length - at, CHUNK_VALUES);
        unpackLongs(input, array, at, n, bytes);
        at += n;
      }
      return array;
    }

    @Override
    public long[] copy(Kryo kryo, long[] original) {
      return original.clone();
    }
  }

  /**
   * Packs {@code array[at, at + n)} into {@code bytes} as a width byte, the chunk's minimum and one offset
   * per value in that width; returns the bytes used.
   */
  static int packLongs(long[] array, int at, int n, ByteBuffer bytes) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = at; i < at + n; i++) {
      long v = array[i];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long range = max - min;
    int width = min >= max ? 0 : range < 0 || range >= 1L << 32 ? 8 : range < 1 << 8 ? 1 : range < 1 << 16 ? 2 : 4;
    bytes.put(0, (byte) width);
    bytes.putLong(1, min);
    switch (width) {
      case 1 -> {
        for (int i = 0; i < n; i++) {
          bytes.put(HEADER + i, (byte) (array[at + i] - min));
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          bytes.putShort(HEADER + (i << 1), (short) (array[at + i] - min));
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          bytes.putInt(HEADER + (i << 2), (int) (array[at + i] - min));
        }
      }
      case 8 -> bytes.position(HEADER).slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(array, at, n);
      default -> { }
    }
    bytes.clear();
    return HEADER + n * width;
  }

  private static void unpackLongs(Input input, long[] array, int at, int n, ByteBuffer bytes) {
    input.readBytes(bytes.array(), 0, HEADER);
    int width = bytes.get(0);
    long min = bytes.getLong(1);
    if (width != 0 && width != 1 && width != 2 && width != 4 && width != 8) {
      throw new IllegalStateException("Corrupt long array: width " + width);
    }
    input.readBytes(bytes.array(), 0, n * width);
    switch (width) {
      case 0 -> java.util.Arrays.fill(array, at, at + n, min);
      case 1 -> {
        for (int i = 0; i < n; i++) {
          array[at + i] = min + (bytes.get(i) & 0xFFL);
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          array[at + i] = min + (bytes.getShort(i << 1) & 0xFFFFL);
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          array[at + i] = min + (bytes.getInt(i << 2) & 0xFFFFFFFFL);
        }
      }
      default -> bytes.asLongBuffer().get(array, at, n);
    }
  }

  /** Bulk {@code int[]}, each chunk packed as offsets from its minimum like long arrays. */
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
      ByteBuffer bytes = chunk(HEADER + (long) array.length * 4);
      for (int at = 0; at < array.length;) {
        int n = Math.min(array.length - at, CHUNK_VALUES);
        output.writeBytes(bytes.array(), 0, packInts(array, at, n, bytes));
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
      ByteBuffer bytes = chunk(HEADER + (long) length * 4);
      for (int at = 0; at < length;) {
        int n = Math.min(length - at, CHUNK_VALUES);
        unpackInts(input, array, at, n, bytes);
        at += n;
      }
      return array;
    }

    @Override
    public int[] copy(Kryo kryo, int[] original) {
      return original.clone();
    }
  }

  /** Packs {@code array[at, at + n)} like {@link #packLongs}, in at most 4 bytes a value. */
  static int packInts(int[] array, int at, int n, ByteBuffer bytes) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = at; i < at + n; i++) {
      int v = array[i];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long range = (long) max - min;
    int width = min >= max ? 0 : range < 1 << 8 ? 1 : range < 1 << 16 ? 2 : 4;
    bytes.put(0, (byte) width);
    bytes.putLong(1, min);
    switch (width) {
      case 1 -> {
        for (int i = 0; i < n; i++) {
          bytes.put(HEADER + i, (byte) (array[at + i] - min));
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          bytes.putShort(HEADER + (i << 1), (short) (array[at + i] - min));
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          bytes.putInt(HEADER + (i << 2), array[at + i] - min);
        }
      }
      default -> { }
    }
    return HEADER + n * width;
  }

  private static void unpackInts(Input input, int[] array, int at, int n, ByteBuffer bytes) {
    input.readBytes(bytes.array(), 0, HEADER);
    int width = bytes.get(0);
    int min = (int) bytes.getLong(1);
    if (width != 0 && width != 1 && width != 2 && width != 4) {
      throw new IllegalStateException("Corrupt int array: width " + width);
    }
    input.readBytes(bytes.array(), 0, n * width);
    switch (width) {
      case 0 -> java.util.Arrays.fill(array, at, at + n, min);
      case 1 -> {
        for (int i = 0; i < n; i++) {
          array[at + i] = min + (bytes.get(i) & 0xFF);
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          array[at + i] = min + (bytes.getShort(i << 1) & 0xFFFF);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          array[at + i] = min + bytes.getInt(i << 2);
        }
      }
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
