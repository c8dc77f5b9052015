package dev.ember.sql.execution.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a selection of a batch's rows in {@link ColumnarBatchCodec}'s compact form, reading each value through
 * the selection: the bytes equal those of {@code ColumnarBatchCodec.write(batch.gather(rows, count), out)},
 * without first copying the rows into new vectors. An exchange splitting a batch by target partition so encodes
 * each partition's slice straight from the input batch, and {@link ColumnarBatchCodec#read} decodes it.
 *
 * <pre>{@code
 * BatchSliceCodec.write(batch, rowsOfPartition, count, out);
 * ColumnarBatch slice = ColumnarBatchCodec.read(new BatchBytesReader(out.array(), 0, out.position()));
 * }</pre>
 */
public final class BatchSliceCodec {

  private BatchSliceCodec() {}

  /** Appends the batch of {@code batch}'s rows {@code rows[0, count)}, in that order, to {@code out}. */
  public static void write(ColumnarBatch batch, int[] rows, int count, BatchBytesWriter out) {
    out.writeInt(count);
    out.writeInt(batch.numCols());
    for (int c = 0; c < batch.numCols(); c++) {
      writeVector(batch.column(c), rows, count, out);
    }
  }

  private static void writeVector(ColumnVector vector, int[] rows, int count, BatchBytesWriter out) {
    int kind = ColumnarBatchCodec.kindOf(vector);
    if (kind == ColumnarBatchCodec.KIND_OTHER) {
      out.writeByte(kind);
      byte[] bytes = ColumnarBatchCodec.javaSerialize(vector.gather(rows, count));
      out.writeInt(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
      return;
    }
    out.writeByte(kind);
    ColumnarBatchCodec.writeType(vector.dataType(), out);
    boolean anyNull = writeNulls(vector.nulls, rows, count, out);
    switch (kind) {
      case ColumnarBatchCodec.KIND_BOOLEAN -> writeBits(((BooleanColumnVector) vector).values, rows, count, out);
      case ColumnarBatchCodec.KIND_INT -> writeInts(((IntColumnVector) vector).values, vector.nulls, anyNull, rows,
          count, out);
      case ColumnarBatchCodec.KIND_LONG -> writeLongs(((LongColumnVector) vector).values, vector.nulls, anyNull,
          rows, count, out);
      case ColumnarBatchCodec.KIND_DOUBLE -> writeDoubles(((DoubleColumnVector) vector).values, rows, count, out);
      case ColumnarBatchCodec.KIND_STRING -> ColumnarBatchCodec.writeStrings((StringColumnVector) vector, rows, count,
          out);
      default -> writeDecimals((DecimalColumnVector) vector, anyNull, rows, count, out);
    }
  }

  /** The null mode (and bitmap) of the selected rows; whether any of them is NULL. */
  private static boolean writeNulls(boolean[] nulls, int[] rows, int count, BatchBytesWriter out) {
    int nullCount = 0;
    for (int i = 0; i < count; i++) {
      if (nulls[rows[i]]) {
        nullCount++;
      }
    }
    if (nullCount == 0) {
      out.writeByte(ColumnarBatchCodec.NULLS_NONE);
    } else if (nullCount == count) {
      out.writeByte(ColumnarBatchCodec.NULLS_ALL);
    } else {
      out.writeByte(ColumnarBatchCodec.NULLS_BITMAP);
      writeBits(nulls, rows, count, out);
    }
    return nullCount > 0;
  }

  private static void writeBits(boolean[] flags, int[] rows, int count, BatchBytesWriter out) {
    int bytes = (count + 7) >>> 3;
    out.ensure(bytes);
    byte[] buffer = out.array();
    int at = out.position();
    for (int b = 0; b < bytes; b++) {
      int bits = 0;
      int base = b << 3;
      int end = Math.min(8, count - base);
      for (int j = 0; j < end; j++) {
        if (flags[rows[base + j]]) {
          bits |= 1 << j;
        }
      }
      buffer[at + b] = (byte) bits;
    }
    out.advance(bytes);
  }

  /** {@link FrameOfReference#writeInts} of the selected values. */
  private static void writeInts(int[] values, boolean[] nulls, boolean anyNull, int[] rows, int count,
      BatchBytesWriter out) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      if (!anyNull || !nulls[r]) {
        min = Math.min(min, values[r]);
        max = Math.max(max, values[r]);
      }
    }
    int width = FrameOfReference.width(min, max);
    long base = width == 0 && min > max ? 0 : min;
    out.writeByte(width);
    out.writeLong(base);
    int length = count * (width == 8 ? 4 : width);
    out.ensure(length);
    ByteBuffer view = view(out, length);
    int b = (int) base;
    if (width == 1) {
      byte[] array = out.array();
      int at = out.position();
      for (int i = 0; i < count; i++) {
        array[at + i] = (byte) (values[rows[i]] - b);
      }
    } else if (width == 2) {
      for (int i = 0; i < count; i++) {
        view.putShort(i << 1, (short) (values[rows[i]] - b));
      }
    } else if (width == 4) {
      for (int i = 0; i < count; i++) {
        view.putInt(i << 2, values[rows[i]] - b);
      }
    } else if (width == 8) {
      for (int i = 0; i < count; i++) {
        view.putInt(i << 2, values[rows[i]]);
      }
    }
    out.advance(length);
  }

  /** {@link FrameOfReference#writeLongs} of the selected values. */
  private static void writeLongs(long[] values, boolean[] nulls, boolean anyNull, int[] rows, int count,
      BatchBytesWriter out) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    if (anyNull) {
      for (int i = 0; i < count; i++) {
        int r = rows[i];
        if (!nulls[r]) {
          min = Math.min(min, values[r]);
          max = Math.max(max, values[r]);
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        long v = values[rows[i]];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    int width = FrameOfReference.width(min, max);
    long base = width == 0 && min > max ? 0 : min;
    out.writeByte(width);
    out.writeLong(base);
    int length = count * width;
    out.ensure(length);
    ByteBuffer view = view(out, length);
    if (width == 1) {
      byte[] array = out.array();
      int at = out.position();
      for (int i = 0; i < count; i++) {
        array[at + i] = (byte) (values[rows[i]] - base);
      }
    } else if (width == 2) {
      for (int i = 0; i < count; i++) {
        view.putShort(i << 1, (short) (values[rows[i]] - base));
      }
    } else if (width == 4) {
      for (int i = 0; i < count; i++) {
        view.putInt(i << 2, (int) (values[rows[i]] - base));
      }
    } else if (width == 8) {
      for (int i = 0; i < count; i++) {
        view.putLong(i << 3, values[rows[i]]);
      }
    }
    out.advance(length);
  }

  private static void writeDoubles(double[] values, int[] rows, int count, BatchBytesWriter out) {
    int length = count * 8;
    out.ensure(length);
    ByteBuffer view = view(out, length);
    for (int i = 0; i < count; i++) {
      view.putDouble(i << 3, values[rows[i]]);
    }
    out.advance(length);
  }

  private static void writeDecimals(DecimalColumnVector vector, boolean anyNull, int[] rows, int count,
      BatchBytesWriter out) {
    writeLongs(vector.unscaled, vector.nulls, anyNull, rows, count, out);
    int wide = 0;
    if (vector.hasWideValues()) {
      for (int i = 0; i < count; i++) {
        if (!vector.nulls[rows[i]] && !vector.isCompact(rows[i])) {
          wide++;
        }
      }
    }
    out.writeInt(wide);
    for (int i = 0; wide > 0 && i < count; i++) {
      int r = rows[i];
      if (!vector.nulls[r] && !vector.isCompact(r)) {
        byte[] digits = vector.getDecimal(r).unscaledValue().toByteArray();
        out.writeInt(i);
        out.writeInt(digits.length);
        out.writeBytes(digits, 0, digits.length);
      }
    }
  }

  private static ByteBuffer view(BatchBytesWriter out, int length) {
    return ByteBuffer.wrap(out.array(), out.position(), length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
