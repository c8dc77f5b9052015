package dev.ember.sql.execution.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer that {@link ColumnarBatchCodec} encodes into. Primitive arrays are
 * copied in bulk through a {@link ByteBuffer} view (a memory copy on little-endian machines) rather than
 * value by value.
 */
public final class BatchBytesWriter {

  private byte[] buffer;
  private int position;

  /** An empty buffer of {@code initialCapacity} bytes, growing as needed. */
  public BatchBytesWriter(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** The bytes written so far are {@code array()[0, position())}. */
  public byte[] array() {
    return buffer;
  }

  /** The number of bytes written. */
  public int position() {
    return position;
  }

  /** Forgets the bytes written, keeping the buffer. */
  public void reset() {
    position = 0;
  }

  /** Makes room for {@code bytes} more bytes. */
  void ensure(int bytes) {
    long needed = (long) position + bytes;
    if (needed > buffer.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("A serialized batch would exceed 2 GB");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L)));
    }
  }

  /** Moves past {@code bytes} bytes that the caller wrote into {@link #array()} after {@link #ensure}. */
  void advance(int bytes) {
    position += bytes;
  }

  /** Writes a long, little-endian. */
  void writeLong(long value) {
    writeInt((int) value);
    writeInt((int) (value >>> 32));
  }

  /** Writes one byte. */
  public void writeByte(int value) {
    ensure(1);
    buffer[position++] = (byte) value;
  }

  /** Writes an int, little-endian. */
  public void writeInt(int value) {
    ensure(4);
    putInt(position, value);
    position += 4;
  }

  /** Overwrites the int at {@code at}, which was written before. */
  void putInt(int at, int value) {
    buffer[at] = (byte) value;
    buffer[at + 1] = (byte) (value >>> 8);
    buffer[at + 2] = (byte) (value >>> 16);
    buffer[at + 3] = (byte) (value >>> 24);
  }

  /** Writes {@code bytes[offset, offset + length)}. */
  public void writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  /** Writes the first {@code count} ints of {@code values}. */
  void writeInts(int[] values, int count) {
    ensure(count * 4);
    view(count * 4).asIntBuffer().put(values, 0, count);
    position += count * 4;
  }

  /** Writes the first {@code count} longs of {@code values}. */
  void writeLongs(long[] values, int count) {
    ensure(count * 8);
    view(count * 8).asLongBuffer().put(values, 0, count);
    position += count * 8;
  }

  /** Writes the first {@code count} doubles of {@code values} (their raw bits). */
  void writeDoubles(double[] values, int count) {
    ensure(count * 8);
    view(count * 8).asDoubleBuffer().put(values, 0, count);
    position += count * 8;
  }

  /** Writes the first {@code count} flags of {@code flags} as bits, eight to a byte. */
  void writeBits(boolean[] flags, int count) {
    int bytes = (count + 7) >>> 3;
    ensure(bytes);
    for (int b = 0; b < bytes; b++) {
      int bits = 0;
      int base = b << 3;
      int end = Math.min(8, count - base);
      for (int j = 0; j < end; j++) {
        if (flags[base + j]) {
          bits |= 1 << j;
        }
      }
      buffer[position + b] = (byte) bits;
    }
    position += bytes;
  }

  private ByteBuffer view(int length) {
    return ByteBuffer.wrap(buffer, position, length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
