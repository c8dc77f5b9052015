package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.BinaryColumnVector;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * How one Parquet column's stored values become Ember values (see {@link ParquetSchemas} for the types):
 * INT32 as int (or bigint when unsigned 32-bit, or a decimal's unscaled value); INT64 as bigint, a timestamp
 * scaled to microseconds, or a decimal's unscaled value (unsigned 64-bit ones beyond a long as BigDecimals);
 * byte-array decimals sign-extended into longs when they fit; INT96 timestamps from their Julian day and
 * nanoseconds; strings decoded from UTF-8; binary values copied. Values come from a dictionary, a PLAIN page
 * buffer or a parquet-java values reader.
 */
final class ParquetValues {

  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final PrimitiveTypeName physical;
  private final int fixedLength;
  private final long microsFactor;
  private final boolean unsigned;

  ParquetValues(PrimitiveType column) {
    this.physical = column.getPrimitiveTypeName();
    this.fixedLength = column.getTypeLength();
    this.microsFactor = ParquetSchemas.microsFactor(column);
    this.unsigned = column.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation integer
        && !integer.isSigned();
  }

  /** Sets row {@code row} of {@code vector} to dictionary entry {@code id}. */
  void setFromDictionary(ColumnVector vector, int row, Dictionary dict, int id) {
    switch (physical) {
      case INT32 -> setInt(vector, row, dict.decodeToInt(id));
      case INT64 -> setLong(vector, row, dict.decodeToLong(id));
      case FLOAT -> ((DoubleColumnVector) vector).values[row] = dict.decodeToFloat(id);
      case DOUBLE -> ((DoubleColumnVector) vector).values[row] = dict.decodeToDouble(id);
      case BOOLEAN -> ((BooleanColumnVector) vector).values[row] = dict.decodeToBoolean(id);
      default -> setBinary(vector, row, dict.decodeToBinary(id));
    }
  }

  /** Sets row {@code row} of {@code vector} to the next value of {@code reader}. */
  void setFromReader(ColumnVector vector, int row, ValuesReader reader) {
    switch (physical) {
      case INT32 -> setInt(vector, row, reader.readInteger());
      case INT64 -> setLong(vector, row, reader.readLong());
      case FLOAT -> ((DoubleColumnVector) vector).values[row] = reader.readFloat();
      case DOUBLE -> ((DoubleColumnVector) vector).values[row] = reader.readDouble();
      case BOOLEAN -> ((BooleanColumnVector) vector).values[row] = reader.readBoolean();
      default -> setBinary(vector, row, reader.readBytes());
    }
  }

  /** Sets row {@code row} of {@code vector} to the next PLAIN value of the little-endian {@code page}. */
  void setFromPlain(ColumnVector vector, int row, ByteBuffer page) {
    switch (physical) {
      case INT32 -> setInt(vector, row, page.getInt());
      case INT64 -> setLong(vector, row, page.getLong());
      case FLOAT -> ((DoubleColumnVector) vector).values[row] = page.getFloat();
      case DOUBLE -> ((DoubleColumnVector) vector).values[row] = page.getDouble();
      default -> {
        int length = physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? fixedLength : page.getInt();
        int start = page.position();
        page.position(start + length);
        if (vector instanceof StringColumnVector strings && page.hasArray()) {
          strings.values[row] = new String(page.array(), page.arrayOffset() + start, length, StandardCharsets.UTF_8);
        } else {
          setBinary(vector, row, Binary.fromConstantByteBuffer(page.duplicate().position(start).limit(start + length)
              .slice()));
        }
      }
    }
  }

  /** Sets row {@code row} of {@code vector} to a stored INT32 value. */
  void setInt(ColumnVector vector, int row, int value) {
    if (vector instanceof IntColumnVector ints) {
      ints.values[row] = value;
    } else if (vector instanceof LongColumnVector longs) {
      longs.values[row] = Integer.toUnsignedLong(value);
    } else {
      ((DecimalColumnVector) vector).setUnscaled(row, value);
    }
  }

  /** Sets row {@code row} of {@code vector} to a stored INT64 value. */
  void setLong(ColumnVector vector, int row, long value) {
    if (vector instanceof LongColumnVector longs) {
      longs.values[row] = microsFactor == 1 ? value
          : microsFactor > 0 ? value * microsFactor : Math.floorDiv(value, -microsFactor);
    } else {
      DecimalColumnVector decimals = (DecimalColumnVector) vector;
      if (unsigned && value < 0) {
        decimals.setDecimal(row, new BigDecimal(new BigInteger(Long.toUnsignedString(value)), decimals.scale()));
      } else {
        decimals.setUnscaled(row, value);
      }
    }
  }

  /** Sets row {@code row} of {@code vector} to a stored byte-array value. */
  static void setBinary(ColumnVector vector, int row, Binary value) {
    if (vector instanceof StringColumnVector strings) {
      strings.values[row] = value.toStringUsingUTF8();
    } else if (vector instanceof BinaryColumnVector binaries) {
      binaries.values[row] = value.getBytes();
    } else if (vector instanceof LongColumnVector longs) {
      longs.values[row] = int96ToMicros(value);
    } else {
      setBinaryDecimal((DecimalColumnVector) vector, row, value);
    }
  }

  /** A big-endian two's complement unscaled value: a long when it fits, else a BigDecimal. */
  private static void setBinaryDecimal(DecimalColumnVector vector, int row, Binary value) {
    ByteBuffer bytes = value.toByteBuffer();
    int length = bytes.remaining();
    int start = bytes.position();
    if (length <= 8) {
      long v = length == 0 ? 0 : bytes.get(start);
      for (int b = 1; b < length; b++) {
        v = (v << 8) | (bytes.get(start + b) & 0xFF);
      }
      vector.setUnscaled(row, v);
    } else {
      vector.setDecimal(row, new BigDecimal(new BigInteger(value.getBytes()), vector.scale()));
    }
  }

  /** Spark's reading of INT96: eight little-endian bytes of nanoseconds in the day, then the Julian day. */
  static long int96ToMicros(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    int start = bytes.position();
    long nanosOfDay = bytes.getLong(start);
    int julianDay = bytes.getInt(start + 8);
    return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
  }
}
