package dev.ember.sql.execution.datasources.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes Parquet's RLE / bit-packed hybrid encoding (definition levels and dictionary ids) straight from a
 * page's bytes, many values per call. parquet-java's decoder reads each bit-packed group through a
 * {@code DataInputStream} and hands out one value per virtual call, which dominated the scan's profile.
 *
 * <p>The format: a sequence of runs, each led by a ULEB128 header; an even header is a repeated run of
 * {@code header >>> 1} copies of one value stored little-endian in {@code ceil(bitWidth / 8)} bytes; an odd
 * header is {@code header >>> 1} groups of eight values bit-packed least significant bit first.
 */
final class RleBitPackedDecoder {

  private final ByteBuffer data;
  private final int bitWidth;
  private final int mask;
  private int position;
  private int runLeft;
  private boolean packed;
  private int repeated;
  private long bitPosition;
  /** The bit where the current bit-packed run's first group starts. */
  private long runStartBit;

  /** A decoder over {@code data} from its position to its limit. */
  RleBitPackedDecoder(ByteBuffer data, int bitWidth) {
    // Little-endian, so a packed value is a shift and a mask of one 8-byte read.
    this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.bitWidth = bitWidth;
    this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
    this.position = data.position();
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
        java.util.Arrays.fill(out, done, done + n, repeated);
      }
      done += n;
      runLeft -= n;
    }
  }

  /**
   * Reads past the next {@code count} values, storing only those at the ascending positions
   * {@code positions[0, m)} (each below {@code count}) into {@code out[0, m)}: a value inside a bit-packed run
   * is read at its bit offset, so the values between selected ones are never unpacked.
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
      if (packed) {
        long first = bitPosition - (long) done * bitWidth;
        for (; j < m && positions[j] < end; j++) {
          out[j] = valueAt(first + (long) positions[j] * bitWidth);
        }
        bitPosition += (long) n * bitWidth;
      } else {
        for (; j < m && positions[j] < end; j++) {
          out[j] = repeated;
        }
      }
      done = end;
      runLeft -= n;
    }
  }

  /** The bit-packed value at {@code bit}. */
  private int valueAt(long bit) {
    if (bitWidth == 0) {
      return 0;
    }
    if (bit <= (long) (data.limit() - 8) << 3) {
      return (int) (data.getLong((int) (bit >>> 3)) >>> (bit & 7)) & mask;
    }
    return slowValue(bit);
  }

  private void nextRun() {
    if (position >= data.limit()) {
      throw new IllegalStateException("Parquet RLE data ended before the page's values");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      packed = false;
      runLeft = header >>> 1;
      int bytes = (bitWidth + 7) / 8;
      int value = 0;
      for (int b = 0; b < bytes; b++) {
        value |= (data.get(position + b) & 0xFF) << (8 * b);
      }
      position += bytes;
      repeated = value;
    } else {
      packed = true;
      int groups = header >>> 1;
      runLeft = groups * 8;
      bitPosition = (long) position * 8;
      runStartBit = bitPosition;
      // Values past the page's count may pad the last group; the whole group's bytes belong to the run.
      position += groups * bitWidth;
    }
  }

  private void unpack(int[] out, int offset, int n) {
    if (bitWidth == 0) {
      java.util.Arrays.fill(out, offset, offset + n, 0);
      return;
    }
    long bit = bitPosition;
    int i = 0;
    // One unaligned 8-byte read holds any value (at most 32 bits at a shift of at most 7) while eight bytes
    // remain; the buffer's last values go through the byte-by-byte path.
    long fastEnd = (long) (data.limit() - 8) << 3;
    if (bitWidth <= 8 && n >= 16) {
      // A group of eight narrow values is bitWidth bytes starting on a byte boundary: one read serves all
      // eight. Values before the next group boundary go one by one.
      long groupBits = (long) bitWidth << 3;
      for (; i < n && (bit - runStartBit) % groupBits != 0 && bit <= fastEnd; i++) {
        out[offset + i] = (int) (data.getLong((int) (bit >>> 3)) >>> (bit & 7)) & mask;
        bit += bitWidth;
      }
      // Near the end of the buffer the loop above stops before a group boundary; groups are read only from one.
      if ((bit - runStartBit) % groupBits == 0) {
        int groups = unpackGroups(out, offset + i, (n - i) >>> 3, bit, fastEnd);
        i += groups << 3;
        bit += groups * groupBits;
      }
    }
    for (; i < n && bit <= fastEnd; i++) {
      long word = data.getLong((int) (bit >>> 3));
      out[offset + i] = (int) (word >>> (bit & 7)) & mask;
      bit += bitWidth;
    }
    for (; i < n; i++) {
      out[offset + i] = slowValue(bit);
      bit += bitWidth;
    }
    bitPosition = bit;
  }

  /**
   * Unpacks up to {@code groups} whole groups of eight values of at most 8 bits, the first starting at the
   * byte-aligned {@code bit}, into {@code out} from {@code offset}, stopping before a group whose 8-byte read
   * would start past {@code fastEnd}; returns the groups unpacked.
   */
  private int unpackGroups(int[] out, int offset, int groups, long bit, long fastEnd) {
    int width = bitWidth;
    int m = mask;
    int at = (int) (bit >>> 3);
    int lastAt = (int) (fastEnd >>> 3);
    int g = 0;
    for (; g < groups && at <= lastAt; g++) {
      long word = data.getLong(at);
      int o = offset + (g << 3);
      out[o] = (int) word & m;
      out[o + 1] = (int) (word >>> width) & m;
      out[o + 2] = (int) (word >>> 2 * width) & m;
      out[o + 3] = (int) (word >>> 3 * width) & m;
      out[o + 4] = (int) (word >>> 4 * width) & m;
      out[o + 5] = (int) (word >>> 5 * width) & m;
      out[o + 6] = (int) (word >>> 6 * width) & m;
      out[o + 7] = (int) (word >>> 7 * width) & m;
      at += width;
    }
    return g;
  }

  /** The value at {@code bit}, reading bytes past the buffer as zero. */
  private int slowValue(long bit) {
    int byteIndex = (int) (bit >>> 3);
    int shift = (int) (bit & 7);
    long word = 0;
    int needed = (shift + bitWidth + 7) >>> 3;
    for (int b = 0; b < needed; b++) {
      int index = byteIndex + b;
      if (index < data.limit()) {
        word |= (long) (data.get(index) & 0xFF) << (8 * b);
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
        java.util.Arrays.fill(nulls, start + done, start + done + n, isNull);
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
      b = data.get(position++) & 0xFF;
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }
}
