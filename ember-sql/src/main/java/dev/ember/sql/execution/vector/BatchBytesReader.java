package dev.ember.sql.execution.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads what a {@link BatchBytesWriter} wrote, from a byte array range. */
public final class BatchBytesReader {

  private final byte[] buffer;
  private final int limit;
  private int position;

  /** A reader of {@code buffer[offset, offset + length)}. */
  public BatchBytesReader(byte[] buffer, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buffer.length) {
      throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + buffer.length + " bytes");
    }
    this.buffer = buffer;
    this.position = offset;
    this.limit = offset + length;
  }

  /** The next unread position. */
  public int position() {
    return position;
  }

  private void require(long bytes) {
    if (bytes < 0 || position + bytes > limit) {
      throw new IllegalStateException("A serialized batch is truncated or corrupt: " + bytes + " bytes needed at "
          + position + ", " + (limit - position) + " left");
    }
  }

  /** Reads one byte, unsigned. */
  public int readByte() {
    require(1);
    return buffer[position++] & 0xFF;
  }

  /** Reads a little-endian int. */
  public int readInt() {
    require(4);
    int value = (buffer[position] & 0xFF) | (buffer[position + 1] & 0xFF) << 8
        | (buffer[position + 2] & 0xFF) << 16 | (buffer[position + 3] & 0xFF) << 24;
    position += 4;
    return value;
  }

  /** Reads a little-endian long. */
  long readLong() {
    long low = readInt() & 0xFFFFFFFFL;
    return low | (long) readInt() << 32;
  }

  /** Returns the start of the next {@code length} bytes in {@link #array()} and skips them. */
  int skip(int length) {
    require(length);
    int start = position;
    position += length;
    return start;
  }

  /** The underlying array. */
  byte[] array() {
    return buffer;
  }

  /** Reads {@code count} ints into {@code values}. */
  void readInts(int[] values, int count) {
    view(count * 4L).asIntBuffer().get(values, 0, count);
    position += count * 4;
  }

  /** Reads {@code count} longs into {@code values}. */
  void readLongs(long[] values, int count) {
    view(count * 8L).asLongBuffer().get(values, 0, count);
    position += count * 8;
  }

  /** Reads {@code count} doubles into {@code values}. */
  void readDoubles(double[] values, int count) {
    view(count * 8L).asDoubleBuffer().get(values, 0, count);
    position += count * 8;
  }

  /** Reads {@code count} flags written as bits. */
  void readBits(boolean[] flags, int count) {
    int bytes = (count + 7) >>> 3;
    require(bytes);
    for (int i = 0; i < count; i++) {
      flags[i] = (buffer[position + (i >>> 3)] & (1 << (i & 7))) != 0;
    }
    position += bytes;
  }

  private ByteBuffer view(long length) {
    require(length);
    return ByteBuffer.wrap(buffer, position, (int) length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
