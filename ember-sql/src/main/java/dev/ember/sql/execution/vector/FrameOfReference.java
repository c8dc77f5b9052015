package dev.ember.sql.execution.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes integers as offsets from their minimum in the fewest of 0, 1, 2, 4 or 8 bytes that hold the range
 * of a batch's non-NULL values: keys, dates, quantities and prices of one batch usually span far less than
 * their type. Costs a min/max pass and a narrowing pass, both tight loops, and saves bytes the shuffle would
 * otherwise compress and write. Layout: width byte, base (8 bytes), then one offset per row (NULL rows
 * included, their offsets meaningless).
 */
final class FrameOfReference {

  private FrameOfReference() {}

  /** Writes the first {@code rows} ints, ignoring the range of rows flagged in {@code nulls}. */
  static void writeInts(int[] values, boolean[] nulls, int rows, BatchBytesWriter out) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      if (!nulls[i]) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
    }
    int width = width(min, max);
    long base = width == 0 && min > max ? 0 : min;
    out.writeByte(width);
    out.writeLong(base);
    if (width == 8) {
      out.writeInts(values, rows);
      return;
    }
    ByteBuffer view = view(out, rows * width);
    int b = (int) base;
    for (int i = 0; i < rows; i++) {
      put(view, i, width, values[i] - b);
    }
    out.advance(rows * width);
  }

  /** Writes the first {@code rows} longs, ignoring the range of rows flagged in {@code nulls}. */
  static void writeLongs(long[] values, boolean[] nulls, int rows, BatchBytesWriter out) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      if (!nulls[i]) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
    }
    int width = width(min, max);
    long base = width == 0 && min > max ? 0 : min;
    out.writeByte(width);
    out.writeLong(base);
    if (width == 8) {
      out.writeLongs(values, rows);
      return;
    }
    ByteBuffer view = view(out, rows * width);
    for (int i = 0; i < rows; i++) {
      put(view, i, width, (int) (values[i] - base));
    }
    out.advance(rows * width);
  }

  /** Reads {@code rows} ints written by {@link #writeInts}. */
  static void readInts(BatchBytesReader in, int[] values, int rows) {
    int width = in.readByte();
    int base = (int) in.readLong();
    if (width == 8) {
      in.readInts(values, rows);
      return;
    }
    checkWidth(width);
    ByteBuffer view = view(in, rows * width);
    for (int i = 0; i < rows; i++) {
      values[i] = base + (int) get(view, i, width);
    }
  }

  /** Reads {@code rows} longs written by {@link #writeLongs}. */
  static void readLongs(BatchBytesReader in, long[] values, int rows) {
    int width = in.readByte();
    long base = in.readLong();
    if (width == 8) {
      in.readLongs(values, rows);
      return;
    }
    checkWidth(width);
    ByteBuffer view = view(in, rows * width);
    for (int i = 0; i < rows; i++) {
      values[i] = base + get(view, i, width);
    }
  }

  /** The bytes per offset for values in [min, max]: 0 when they are all equal or there are none. */
  private static int width(long min, long max) {
    if (min >= max) {
      return 0;
    }
    long range = max - min;
    // A negative range overflowed: the values span more than a long's positive half.
    if (range < 0 || range >= 1L << 32) {
      return 8;
    }
    return range < 1 << 8 ? 1 : range < 1 << 16 ? 2 : 4;
  }

  private static void put(ByteBuffer view, int i, int width, int offset) {
    switch (width) {
      case 0 -> { }
      case 1 -> view.put(i, (byte) offset);
      case 2 -> view.putShort(i << 1, (short) offset);
      default -> view.putInt(i << 2, offset);
    }
  }

  private static long get(ByteBuffer view, int i, int width) {
    return switch (width) {
      case 0 -> 0;
      case 1 -> view.get(i) & 0xFFL;
      case 2 -> view.getShort(i << 1) & 0xFFFFL;
      default -> view.getInt(i << 2) & 0xFFFFFFFFL;
    };
  }

  private static void checkWidth(int width) {
    if (width != 0 && width != 1 && width != 2 && width != 4) {
      throw new IllegalStateException("A serialized batch is corrupt: integer width " + width);
    }
  }

  private static ByteBuffer view(BatchBytesWriter out, int length) {
    out.ensure(length);
    return ByteBuffer.wrap(out.array(), out.position(), length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer view(BatchBytesReader in, int length) {
    int start = in.skip(length);
    return ByteBuffer.wrap(in.array(), start, length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
