package dev.ember.sql.execution.datasources.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE / bit-packed hybrid encoding (definition levels and dictionary ids) straight from a
 * page's bytes, many values per call. parquet-java's decoder reads each bit-packed group through a
 * {@code DataInputStream} and hands out one value per virtual call, which dominated the scan's profile.
 *
 * <p>The format: a sequence of runs, each led by a ULEB128 header; an even header is a repeated run of
 * {@code header >>> 1} copies of one value stored little-endian in {@code ceil(bitWidth / 8)} bytes; an odd
 * header is {@code header >>> 1} groups of eight values bit-packed least significant bit first.
 *
 * <p>The bytes are read from the page's array (a heap buffer's own array, else a copy), eight bytes at a time
 * through a little-endian array view that compiles to plain loads: a group of eight values of {@code w} bits
 * is {@code w} bytes starting on a byte boundary, unpacked with one load when {@code w <= 8} and one load per
 * value otherwise. Groups whose loads would pass the array's end are read byte by byte.
 */
final class RleBitPackedDecoder {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Below this share (1 in 4) of a bit-packed stretch's values selected, the selected ones are read one by one. */
  private static final int DENSE_SHARE = 4;

  private final byte[] bytes;
  private final int limit;
  private final int bitWidth;
  private final int mask;
  private int position;
  private int runLeft;
  private boolean packed;
  private int repeated;
  /** The byte where the current bit-packed run's first group starts. */
  private int runStart;
  /** The index within the current bit-packed run of its next value. */
  private int runIndex;
  /** Values of a dense selected stretch, unpacked whole before the selected ones are gathered. */
  private int[] scratch = new int[0];

  /** A decoder over {@code data} from its position to its limit. */
  RleBitPackedDecoder(ByteBuffer data, int bitWidth) {
    if (data.hasArray()) {
      this.bytes = data.array();
      this.position = data.arrayOffset() + data.position();
      this.limit = data.arrayOffset() + data.limit();
    } else {
      // Eight zero bytes past the copy let every group of the page take the 8-byte loads.
      this.bytes = new byte[data.remaining() + 8];
      data.duplicate().get(bytes, 0, data.remaining());
      this.position = 0;
      this.limit = data.remaining();
    }
    this.bitWidth = bitWidth;
    this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
  }

  /** Reads the next {@code count} values into {@code out} from index 0. */
  void read(int[] out, int count) {
    int done = 0;
    while (done < count) {
      if (runLeft == 0) {
        nextRun();
      }
      int n = Math.min(count - done, runLeft);
      if (packed) {
        unpack(out, done, n);
      } else {
        Arrays.fill(out, done, done + n, repeated);
      }
      done += n;
      runLeft -= n;
    }
  }

  /**
   * Reads past the next {@code count} values, storing only those at the ascending positions
   * {@code positions[0, m)} (each below {@code count}) into {@code out[0, m)}. Within a bit-packed run, a stretch
   * whose selected values are few has each read at its bit offset, so the values between them are never
   * unpacked; a dense stretch is unpacked whole (straight into {@code out} when every value is selected) and
   * its selected values gathered. A repeated run's selected values are one fill.
   */
  void readSelected(int[] positions, int m, int count, int[] out) {
    int done = 0;
    int j = 0;
    while (done < count) {
      if (runLeft == 0) {
        nextRun();
      }
      int n = Math.min(count - done, runLeft);
      int end = done + n;
      int jEnd = selectedBefore(positions, j, m, end, n);
      int k = jEnd - j;
      if (!packed) {
        Arrays.fill(out, j, jEnd, repeated);
      } else if (k == n) {
        unpack(out, j, n);
      } else if (k * DENSE_SHARE >= n) {
        if (scratch.length < n) {
          scratch = new int[Math.max(n, scratch.length * 2)];
        }
        unpack(scratch, 0, n);
        for (int s = j; s < jEnd; s++) {
          out[s] = scratch[positions[s] - done];
        }
      } else {
        int first = runIndex - done;
        for (int s = j; s < jEnd; s++) {
          out[s] = valueAt(first + positions[s]);
        }
        runIndex += n;
      }
      j = jEnd;
      done = end;
      runLeft -= n;
    }
  }

  /**
   * The end of the selected positions from {@code j} below {@code end}, of at most {@code n} (the stretch's
   * length) since positions ascend: one comparison when every value of the stretch is selected, else a binary
   * search.
   */
  private static int selectedBefore(int[] positions, int j, int m, int end, int n) {
    int hi = Math.min(m, j + n);
    if (hi == j || positions[hi - 1] < end) {
      return hi;
    }
    int lo = j;
    // positions[hi - 1] >= end: find the first position at or past end in [lo, hi).
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (positions[mid] < end) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The value at {@code index} of the current bit-packed run. */
  private int valueAt(int index) {
    if (bitWidth == 0) {
      return 0;
    }
    long bit = (long) index * bitWidth;
    int at = runStart + (int) (bit >>> 3);
    int shift = (int) bit & 7;
    if (at <= bytes.length - 8) {
      return (int) ((long) LONGS.get(bytes, at) >>> shift) & mask;
    }
    return slowValue(at, shift);
  }

  private void nextRun() {
    if (position >= limit) {
      throw new IllegalStateException("Parquet RLE data ended before the page's values");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      packed = false;
      runLeft = header >>> 1;
      int width = (bitWidth + 7) / 8;
      int value = 0;
      for (int b = 0; b < width; b++) {
        value |= (bytes[position + b] & 0xFF) << (8 * b);
      }
      position += width;
      repeated = value;
    } else {
      packed = true;
      int groups = header >>> 1;
      runLeft = groups * 8;
      runStart = position;
      runIndex = 0;
      // Values past the page's count may pad the last group; the whole group's bytes belong to the run.
      position += groups * bitWidth;
    }
  }

  /** Unpacks the current bit-packed run's next {@code n} values into {@code out} from {@code offset}. */
  private void unpack(int[] out, int offset, int n) {
    if (bitWidth == 0) {
      Arrays.fill(out, offset, offset + n, 0);
      return;
    }
    int index = runIndex;
    int i = 0;
    // Values before the next group boundary one by one, then whole groups, then the rest one by one.
    for (; i < n && (index & 7) != 0; i++) {
      out[offset + i] = valueAt(index++);
    }
    int groups = (n - i) >>> 3;
    if (groups > 0) {
      int at = runStart + (index >>> 3) * bitWidth;
      int done = bitWidth <= 8 ? unpackNarrowGroups(out, offset + i, groups, at)
          : unpackWideGroups(out, offset + i, groups, at);
      i += done << 3;
      index += done << 3;
    }
    for (; i < n; i++) {
      out[offset + i] = valueAt(index++);
    }
    runIndex = index;
  }

  /**
   * Unpacks up to {@code groups} groups of eight values of at most 8 bits, the first at byte {@code at}, one
   * 8-byte load a group; stops before a group whose load would pass the array's end; returns the groups unpacked.
   */
  private int unpackNarrowGroups(int[] out, int offset, int groups, int at) {
    byte[] b = bytes;
    int w = bitWidth;
    int m = mask;
    int last = b.length - 8;
    int g = 0;
    for (int o = offset; g < groups && at <= last; g++, o += 8, at += w) {
      long word = (long) LONGS.get(b, at);
      out[o] = (int) word & m;
      out[o + 1] = (int) (word >>> w) & m;
      out[o + 2] = (int) (word >>> 2 * w) & m;
      out[o + 3] = (int) (word >>> 3 * w) & m;
      out[o + 4] = (int) (word >>> 4 * w) & m;
      out[o + 5] = (int) (word >>> 5 * w) & m;
      out[o + 6] = (int) (word >>> 6 * w) & m;
      out[o + 7] = (int) (word >>> 7 * w) & m;
    }
    return g;
  }

  /**
   * Unpacks up to {@code groups} groups of eight values of 9 to 32 bits, the first at byte {@code at}, one 8-byte
   * load a value at offsets fixed for the width; stops before a group whose last load would pass the array's
   * end; returns the groups unpacked.
   */
  private int unpackWideGroups(int[] out, int offset, int groups, int at) {
    byte[] b = bytes;
    int w = bitWidth;
    int m = mask;
    int b1 = w >>> 3;
    int b2 = 2 * w >>> 3;
    int b3 = 3 * w >>> 3;
    int b4 = 4 * w >>> 3;
    int b5 = 5 * w >>> 3;
    int b6 = 6 * w >>> 3;
    int b7 = 7 * w >>> 3;
    int s1 = w & 7;
    int s2 = 2 * w & 7;
    int s3 = 3 * w & 7;
    int s4 = 4 * w & 7;
    int s5 = 5 * w & 7;
    int s6 = 6 * w & 7;
    int s7 = 7 * w & 7;
    int last = b.length - 8 - b7;
    int g = 0;
    for (int o = offset; g < groups && at <= last; g++, o += 8, at += w) {
      out[o] = (int) (long) LONGS.get(b, at) & m;
      out[o + 1] = (int) ((long) LONGS.get(b, at + b1) >>> s1) & m;
      out[o + 2] = (int) ((long) LONGS.get(b, at + b2) >>> s2) & m;
      out[o + 3] = (int) ((long) LONGS.get(b, at + b3) >>> s3) & m;
      out[o + 4] = (int) ((long) LONGS.get(b, at + b4) >>> s4) & m;
      out[o + 5] = (int) ((long) LONGS.get(b, at + b5) >>> s5) & m;
      out[o + 6] = (int) ((long) LONGS.get(b, at + b6) >>> s6) & m;
      out[o + 7] = (int) ((long) LONGS.get(b, at + b7) >>> s7) & m;
    }
    return g;
  }

  /** The value at byte {@code at} and bit {@code shift} within it, reading bytes past the page as zero. */
  private int slowValue(int at, int shift) {
    long word = 0;
    int needed = (shift + bitWidth + 7) >>> 3;
    for (int b = 0; b < needed; b++) {
      int index = at + b;
      if (index < limit) {
        word |= (long) (bytes[index] & 0xFF) << (8 * b);
      }
    }
    return (int) (word >>> shift) & mask;
  }

  /**
   * Reads the next {@code count} definition levels as null flags into {@code nulls[start, start + count)}
   * (a level below {@code maxLevel} is NULL), filling whole repeated runs at once; returns how many are not
   * NULL. {@code scratch} holds at least {@code count} ints.
   */
  int readNulls(boolean[] nulls, int start, int count, int maxLevel, int[] scratch) {
    int done = 0;
    int present = 0;
    while (done < count) {
      if (runLeft == 0) {
        nextRun();
      }
      int n = Math.min(count - done, runLeft);
      if (packed) {
        unpack(scratch, 0, n);
        for (int k = 0; k < n; k++) {
          boolean isNull = scratch[k] < maxLevel;
          nulls[start + done + k] = isNull;
          present += isNull ? 0 : 1;
        }
      } else {
        boolean isNull = repeated < maxLevel;
        Arrays.fill(nulls, start + done, start + done + n, isNull);
        present += isNull ? 0 : n;
      }
      done += n;
      runLeft -= n;
    }
    return present;
  }

  private int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    int b;
    do {
      b = bytes[position++] & 0xFF;
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }
}
