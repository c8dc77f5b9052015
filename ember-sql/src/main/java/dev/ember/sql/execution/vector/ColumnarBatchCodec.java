package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The compact byte form of a {@link ColumnarBatch}, for exchanges, broadcasts and cached blocks. Only the
 * batch's first {@code numRows} slots are written, so a batch over larger vectors costs what its rows cost.
 *
 * <p>Layout (little-endian): row count, column count, then per column a vector kind, its data type, a null
 * mode (none / all / a bitmap of one bit per row) and the values: booleans as bits, doubles as raw arrays,
 * ints, longs and unscaled decimals as offsets from the batch's minimum in 0 to 8 bytes
 * ({@link FrameOfReference}), strings as one UTF-8 blob followed by their lengths, plus the rare decimals too
 * wide for a long. A vector class this codec does not know is written with Java
 * serialization, so new vector types stay correct before they get a compact form.
 */
public final class ColumnarBatchCodec {

  static final int KIND_OTHER = 0;
  static final int KIND_BOOLEAN = 1;
  static final int KIND_INT = 2;
  static final int KIND_LONG = 3;
  static final int KIND_DOUBLE = 4;
  static final int KIND_STRING = 5;
  static final int KIND_DECIMAL = 6;

  static final int NULLS_NONE = 0;
  static final int NULLS_ALL = 1;
  static final int NULLS_BITMAP = 2;

  private static final int TYPE_DECIMAL = 100;
  private static final int TYPE_OTHER = 101;
  /** Types written as their index in this list; the order is part of the format. */
  private static final List<DataType> SIMPLE_TYPES = List.of(DataTypes.NullType, DataTypes.BooleanType,
      DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType, DataTypes.StringType, DataTypes.DateType,
      DataTypes.ByteType, DataTypes.ShortType, DataTypes.FloatType, DataTypes.TimestampType,
      DataTypes.TimestampNTZType, DataTypes.YearMonthIntervalType, DataTypes.DayTimeIntervalType);

  private ColumnarBatchCodec() {}

  /** Appends {@code batch} to {@code out}. */
  public static void write(ColumnarBatch batch, BatchBytesWriter out) {
    int rows = batch.numRows();
    out.writeInt(rows);
    out.writeInt(batch.numCols());
    for (int c = 0; c < batch.numCols(); c++) {
      writeVector(batch.column(c), rows, out);
    }
  }

  /** Reads one batch written by {@link #write}; its vectors have exactly {@code numRows} slots. */
  public static ColumnarBatch read(BatchBytesReader in) {
    int rows = in.readInt();
    int cols = in.readInt();
    if (rows < 0 || cols < 0) {
      throw new IllegalStateException("A serialized batch is corrupt: " + rows + " rows, " + cols + " columns");
    }
    ColumnVector[] columns = new ColumnVector[cols];
    for (int c = 0; c < cols; c++) {
      columns[c] = readVector(in, rows);
    }
    return new ColumnarBatch(columns, rows);
  }

  private static void writeVector(ColumnVector vector, int rows, BatchBytesWriter out) {
    int kind = kindOf(vector);
    out.writeByte(kind);
    if (kind == KIND_OTHER) {
      byte[] bytes = javaSerialize(vector);
      out.writeInt(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
      return;
    }
    writeType(vector.dataType(), out);
    boolean anyNull = writeNulls(vector.nulls, rows, out) > 0;
    switch (kind) {
      case KIND_BOOLEAN -> out.writeBits(((BooleanColumnVector) vector).values, rows);
      case KIND_INT ->
          FrameOfReference.writeInts(((IntColumnVector) vector).values, vector.nulls, anyNull, rows, out);
      case KIND_LONG ->
          FrameOfReference.writeLongs(((LongColumnVector) vector).values, vector.nulls, anyNull, rows, out);
      case KIND_DOUBLE -> out.writeDoubles(((DoubleColumnVector) vector).values, rows);
      case KIND_STRING -> writeStrings((StringColumnVector) vector, null, rows, out);
      default -> writeDecimals((DecimalColumnVector) vector, anyNull, rows, out);
    }
  }

  private static ColumnVector readVector(BatchBytesReader in, int rows) {
    int kind = in.readByte();
    if (kind == KIND_OTHER) {
      int length = in.readInt();
      int start = in.skip(length);
      return (ColumnVector) javaDeserialize(in.array(), start, length);
    }
    DataType type = readType(in);
    // The NULL flags are read straight into the vector, which is made before its values are read.
    ColumnVector vector = switch (kind) {
      case KIND_BOOLEAN -> new BooleanColumnVector(type, rows);
      case KIND_INT -> new IntColumnVector(type, rows);
      case KIND_LONG -> new LongColumnVector(type, rows);
      case KIND_DOUBLE -> new DoubleColumnVector(type, rows);
      case KIND_STRING -> new StringColumnVector(type, rows);
      case KIND_DECIMAL -> new DecimalColumnVector((DecimalType) type, rows);
      default -> throw new IllegalStateException("A serialized batch is corrupt: vector kind " + kind);
    };
    readNulls(in, vector.nulls, rows);
    switch (kind) {
      case KIND_BOOLEAN -> in.readBits(((BooleanColumnVector) vector).values, rows);
      case KIND_INT -> FrameOfReference.readInts(in, ((IntColumnVector) vector).values, rows);
      case KIND_LONG -> FrameOfReference.readLongs(in, ((LongColumnVector) vector).values, rows);
      case KIND_DOUBLE -> in.readDoubles(((DoubleColumnVector) vector).values, rows);
      case KIND_STRING -> readStrings(in, (StringColumnVector) vector, rows);
      default -> readDecimals(in, (DecimalColumnVector) vector, rows);
    }
    return vector;
  }

  static int kindOf(ColumnVector vector) {
    Class<?> type = vector.getClass();
    if (type == BooleanColumnVector.class) {
      return KIND_BOOLEAN;
    } else if (type == IntColumnVector.class) {
      return KIND_INT;
    } else if (type == LongColumnVector.class) {
      return KIND_LONG;
    } else if (type == DoubleColumnVector.class) {
      return KIND_DOUBLE;
    } else if (type == StringColumnVector.class) {
      return KIND_STRING;
    } else if (type == DecimalColumnVector.class) {
      return KIND_DECIMAL;
    }
    return KIND_OTHER;
  }

  static void writeType(DataType type, BatchBytesWriter out) {
    int index = SIMPLE_TYPES.indexOf(type);
    if (index >= 0) {
      out.writeByte(index);
    } else if (type instanceof DecimalType decimal) {
      out.writeByte(TYPE_DECIMAL);
      out.writeInt(decimal.precision());
      out.writeInt(decimal.scale());
    } else {
      out.writeByte(TYPE_OTHER);
      byte[] bytes = javaSerialize(type);
      out.writeInt(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
    }
  }

  private static DataType readType(BatchBytesReader in) {
    int code = in.readByte();
    if (code < SIMPLE_TYPES.size()) {
      return SIMPLE_TYPES.get(code);
    }
    if (code == TYPE_DECIMAL) {
      int precision = in.readInt();
      return new DecimalType(precision, in.readInt());
    }
    if (code == TYPE_OTHER) {
      int length = in.readInt();
      int start = in.skip(length);
      return (DataType) javaDeserialize(in.array(), start, length);
    }
    throw new IllegalStateException("A serialized batch is corrupt: type code " + code);
  }

  /** Writes the null mode (and bitmap) of the first {@code rows} flags; returns the number of NULLs. */
  private static int writeNulls(boolean[] nulls, int rows, BatchBytesWriter out) {
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if (nulls[i]) {
        count++;
      }
    }
    if (count == 0) {
      out.writeByte(NULLS_NONE);
    } else if (count == rows) {
      out.writeByte(NULLS_ALL);
    } else {
      out.writeByte(NULLS_BITMAP);
      out.writeBits(nulls, rows);
    }
    return count;
  }

  private static void readNulls(BatchBytesReader in, boolean[] nulls, int rows) {
    int mode = in.readByte();
    if (mode == NULLS_ALL) {
      java.util.Arrays.fill(nulls, 0, rows, true);
    } else if (mode == NULLS_BITMAP) {
      in.readBits(nulls, rows);
    } else if (mode != NULLS_NONE) {
      throw new IllegalStateException("A serialized batch is corrupt: null mode " + mode);
    }
  }

  /**
   * The UTF-8 bytes of the strings back to back (after their total length), then one length per row, -1 for a
   * NULL row or a missing string, packed like other integers: of rows {@code rows[0..count)}, or of the first
   * {@code count} rows when {@code rows} is null.
   */
  static void writeStrings(StringColumnVector vector, int[] rows, int count, BatchBytesWriter out) {
    int[] lengths = new int[count];
    int blobAt = out.position();
    out.writeInt(0);
    String[] values = vector.values;
    boolean[] nulls = vector.nulls;
    for (int i = 0; i < count; i++) {
      int r = rows == null ? i : rows[i];
      String s = values[r];
      if (!nulls[r] && s != null) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes, 0, bytes.length);
        lengths[i] = bytes.length;
      } else {
        lengths[i] = -1;
      }
    }
    out.putInt(blobAt, out.position() - blobAt - 4);
    FrameOfReference.writeInts(lengths, null, false, count, out);
  }

  private static void readStrings(BatchBytesReader in, StringColumnVector vector, int rows) {
    int blobLength = in.readInt();
    int blob = in.skip(blobLength);
    int[] lengths = new int[rows];
    FrameOfReference.readInts(in, lengths, rows);
    byte[] bytes = in.array();
    int position = blob;
    for (int i = 0; i < rows; i++) {
      int length = lengths[i];
      if (length >= 0) {
        if (position + length > blob + blobLength) {
          throw new IllegalStateException("A serialized batch is corrupt: string lengths exceed their bytes");
        }
        vector.values[i] = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
      }
    }
  }

  private static void writeDecimals(DecimalColumnVector vector, boolean anyNull, int rows, BatchBytesWriter out) {
    FrameOfReference.writeLongs(vector.unscaled, vector.nulls, anyNull, rows, out);
    int wide = 0;
    if (vector.hasWideValues()) {
      for (int i = 0; i < rows; i++) {
        if (!vector.nulls[i] && !vector.isCompact(i)) {
          wide++;
        }
      }
    }
    out.writeInt(wide);
    for (int i = 0; wide > 0 && i < rows; i++) {
      if (!vector.nulls[i] && !vector.isCompact(i)) {
        byte[] digits = vector.getDecimal(i).unscaledValue().toByteArray();
        out.writeInt(i);
        out.writeInt(digits.length);
        out.writeBytes(digits, 0, digits.length);
      }
    }
  }

  private static void readDecimals(BatchBytesReader in, DecimalColumnVector vector, int rows) {
    DecimalType type = (DecimalType) vector.dataType();
    FrameOfReference.readLongs(in, vector.unscaled, rows);
    int wide = in.readInt();
    for (int w = 0; w < wide; w++) {
      int row = in.readInt();
      int length = in.readInt();
      byte[] digits = new byte[length];
      System.arraycopy(in.array(), in.skip(length), digits, 0, length);
      vector.setDecimal(row, new BigDecimal(new BigInteger(digits), type.scale()));
    }
  }

  static byte[] javaSerialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize " + value.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  private static Object javaDeserialize(byte[] bytes, int offset, int length) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Could not deserialize a column vector: " + e, e);
    }
  }
}
