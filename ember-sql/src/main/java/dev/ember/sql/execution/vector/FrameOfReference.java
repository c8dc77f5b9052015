package dev.ember.sql.execution.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes integers as offsets from their minimum in the fewest of 0, 1, 2, 4 or 8 bytes that hold the range
 * of a batch's non-NULL values: keys, dates, quantities and prices of one batch usually span far less than
 * their type. Costs a min/max pass and a narrowing pass, both tight loops, and saves bytes the shuffle would
 * otherwise compress and write. Layout: width byte, base (8 bytes), then one offset per row (NULL rows
 * included, their offsets meaningless).
 *
 * <p>The loops are specialized: a column without NULLs finds its range without testing each row's flag, and
 * each width narrows or widens in its own loop rather than dispatching on the width per value.
 */
final class FrameOfReference {

  private FrameOfReference() {}

  /** Writes the first {@code rows} ints, ignoring the range of rows flagged in {@code nulls}. */
  static void writeInts(int[] values, boolean[] nulls, int rows, BatchBytesWriter out) {
    writeInts(values, nulls, true, rows, out);
  }

  /**
   * Writes the first {@code rows} ints; {@code mayHaveNulls} false promises that no row is flagged in
   * {@code nulls}, so the range pass need not read the flags.
   */
  static void writeInts(int[] values, boolean[] nulls, boolean mayHaveNulls, int rows, BatchBytesWriter out) {
    long min;
    long max;
    if (mayHaveNulls) {
      min = Long.MAX_VALUE;
      max = Long.MIN_VALUE;
      for (int i = 0; i < rows; i++) {
        if (!nulls[i]) {
          min = Math.min(min, values[i]);
          max = Math.max(max, values[i]);
        }
      }
    } else {
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int i = 0; i < rows; i++) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
      }
      min = rows == 0 ? Long.MAX_VALUE : lo;
      max = rows == 0 ? Long.MIN_VALUE : hi;
    }
    int width = width(min, max);
    long base = width == 0 && min > max ? 0 : min;
    out.writeByte(width);
    out.writeLong(base);
    if (width == 8) {
      out.writeInts(values, rows);
      return;
    }
    narrowInts(values, (int) base, width, rows, out);
  }

  private static void narrowInts(int[] values, int base, int width, int rows, BatchBytesWriter out) {
    int length = rows * width;
    out.ensure(length);
    byte[] array = out.array();
    int at = out.position();
    if (width == 1) {
      for (int i = 0; i < rows; i++) {
        array[at + i] = (byte) (values[i] - base);
      }
    } else if (width == 2) {
      ByteBuffer view = view(out, length);
      for (int i = 0; i < rows; i++) {
        view.putShort(i << 1, (short) (values[i] - base));
      }
    } else if (width == 4) {
      ByteBuffer view = view(out, length);
      for (int i = 0; i < rows; i++) {
        view.putInt(i << 2, values[i] - base);
      }
    }
    out.advance(length);
  }

  /** Writes the first {@code rows} longs, ignoring the range of rows flagged in {@code nulls}. */
  static void writeLongs(long[] values, boolean[] nulls, int rows, BatchBytesWriter out) {
    writeLongs(values, nulls, true, rows, out);
  }

  /**
   * Writes the first {@code rows} longs; {@code mayHaveNulls} false promises that no row is flagged in
   * {@code nulls}, so the range pass need not read the flags.
   */
  static void writeLongs(long[] values, boolean[] nulls, boolean mayHaveNulls, int rows, BatchBytesWriter out) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    if (mayHaveNulls) {
      for (int i = 0; i < rows; i++) {
        if (!nulls[i]) {
          min = Math.min(min, values[i]);
          max = Math.max(max, values[i]);
        }
      }
    } else {
      for (int i = 0; i < rows; i++) {
        long v = values[i];
        min = Math.min(min, v);
        max = Math.max(max, v);
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
    narrowLongs(values, base, width, rows, out);
  }

  private static void narrowLongs(long[] values, long base, int width, int rows, BatchBytesWriter out) {
    int length = rows * width;
    out.ensure(length);
    byte[] array = out.array();
    int at = out.position();
    if (width == 1) {
      for (int i = 0; i < rows; i++) {
        array[at + i] = (byte) (values[i] - base);
      }
    } else if (width == 2) {
      ByteBuffer view = view(out, length);
      for (int i = 0; i < rows; i++) {
        view.putShort(i << 1, (short) (values[i] - base));
      }
    } else if (width == 4) {
      ByteBuffer view = view(out, length);
      for (int i = 0; i < rows; i++) {
        view.putInt(i << 2, (int) (values[i] - base));
      }
    }
    out.advance(length);
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
    int start = in.skip(rows * width);
    byte[] array = in.array();
    if (width == 0) {
      java.util.Arrays.fill(values, 0, rows, base);
    } else if (width == 1) {
      for (int i = 0; i < rows; i++) {
        values[i] = base + (array[start + i] & 0xFF);
      }
    } else if (width == 2) {
      ByteBuffer view = view(array, start, rows * width);
      for (int i = 0; i < rows; i++) {
        values[i] = base + (view.getShort(i << 1) & 0xFFFF);
      }
    } else {
      ByteBuffer view = view(array, start, rows * width);
      for (int i = 0; i < rows; i++) {
        values[i] = base + view.getInt(i << 2);
      }
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
    int start = in.skip(rows * width);
    byte[] array = in.array();
    if (width == 0) {
      java.util.Arrays.fill(values, 0, rows, base);
    } else if (width == 1) {
      for (int i = 0; i < rows; i++) {
        values[i] = base + (array[start + i] & 0xFFL);
      }
    } else if (width == 2) {
      ByteBuffer view = view(array, start, rows * width);
      for (int i = 0; i < rows; i++) {
        values[i] = base + (view.getShort(i << 1) & 0xFFFFL);
      }
    } else {
      ByteBuffer view = view(array, start, rows * width);
      for (int i = 0; i < rows; i++) {
        values[i] = base + (view.getInt(i << 2) & 0xFFFFFFFFL);
      }
    }
  }

  /** The bytes per offset for values in [min, max]: 0 when they are all equal or there are none. */
  static int width(long min, long max) {
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

  private static void checkWidth(int width) {
    if (width != 0 && width != 1 && width != 2 && width != 4) {
      throw new IllegalStateException("A serialized batch is corrupt: integer width " + width);
    }
  }

  private static ByteBuffer view(BatchBytesWriter out, int length) {
    return ByteBuffer.wrap(out.array(), out.position(), length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer view(byte[] array, int start, int length) {
    return ByteBuffer.wrap(array, start, length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
