package dev.ember.sql.execution.datasources.parquet;

import java.nio.ByteBuffer;

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

  /** A decoder over {@code data} from its position to its limit. */
  RleBitPackedDecoder(ByteBuffer data, int bitWidth) {
    this.data = data;
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
    for (int i = 0; i < n; i++) {
      int byteIndex = (int) (bit >>> 3);
      int shift = (int) (bit & 7);
      // Gather up to five bytes: enough for 32 bits at any shift; bytes past the buffer read as zero.
      long word = 0;
      int needed = (shift + bitWidth + 7) >>> 3;
      for (int b = 0; b < needed; b++) {
        int index = byteIndex + b;
        if (index < data.limit()) {
          word |= (long) (data.get(index) & 0xFF) << (8 * b);
        }
      }
      out[offset + i] = (int) (word >>> shift) & mask;
      bit += bitWidth;
    }
    bitPosition = bit;
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
