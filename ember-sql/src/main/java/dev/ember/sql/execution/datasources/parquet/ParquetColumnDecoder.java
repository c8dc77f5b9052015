package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes one Parquet column chunk, batch by batch, into Ember column vectors of the column's type (see
 * {@link ParquetSchemas}): numbers through the column reader's primitive getters; decimals of INT32/INT64
 * straight into {@link DecimalColumnVector#unscaled} and byte-array decimals sign-extended into longs when they
 * fit (no BigDecimal per value); timestamps scaled to microseconds; INT96 timestamps from their Julian day and
 * nanoseconds. Strings go through the converter interface so that dictionary-encoded pages hand over the
 * dictionary id: each dictionary is decoded to Strings once per row group and rows share those objects.
 */
final class ParquetColumnDecoder extends PrimitiveConverter {

  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final DataType type;
  private final PrimitiveTypeName physical;
  private final long microsFactor;
  private final boolean unsigned;
  private String[] dictionary;
  private String[] target;
  private int targetRow;

  ParquetColumnDecoder(PrimitiveType column, DataType type) {
    this.type = type;
    this.physical = column.getPrimitiveTypeName();
    this.microsFactor = ParquetSchemas.microsFactor(column);
    this.unsigned = column.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation integer
        && !integer.isSigned();
  }

  @Override
  public boolean hasDictionarySupport() {
    return type == DataTypes.StringType;
  }

  @Override
  public void setDictionary(Dictionary dict) {
    String[] strings = new String[dict.getMaxId() + 1];
    for (int id = 0; id < strings.length; id++) {
      strings[id] = dict.decodeToBinary(id).toStringUsingUTF8();
    }
    this.dictionary = strings;
  }

  @Override
  public void addValueFromDictionary(int dictionaryId) {
    target[targetRow] = dictionary[dictionaryId];
  }

  @Override
  public void addBinary(Binary value) {
    target[targetRow] = value.toStringUsingUTF8();
  }

  /** Decodes the next {@code rows} values of {@code column} into a new vector. */
  ColumnVector decode(ColumnReader column, int rows) {
    ColumnVector vector = ColumnVectors.allocate(type, rows);
    int maxDefinition = column.getDescriptor().getMaxDefinitionLevel();
    boolean[] nulls = vector.nulls;
    if (vector instanceof DecimalColumnVector decimals) {
      decodeDecimals(column, decimals, rows, maxDefinition);
    } else if (vector instanceof StringColumnVector strings) {
      target = strings.values;
      for (int i = 0; i < rows; i++) {
        nulls[i] = column.getCurrentDefinitionLevel() < maxDefinition;
        if (!nulls[i]) {
          targetRow = i;
          column.writeCurrentValueToConverter();
        }
        column.consume();
      }
      target = null;
    } else if (vector instanceof LongColumnVector longs) {
      decodeLongs(column, longs.values, nulls, rows, maxDefinition);
    } else if (vector instanceof IntColumnVector ints) {
      int[] values = ints.values;
      for (int i = 0; i < rows; i++) {
        nulls[i] = column.getCurrentDefinitionLevel() < maxDefinition;
        values[i] = nulls[i] ? 0 : column.getInteger();
        column.consume();
      }
    } else if (vector instanceof DoubleColumnVector doubles) {
      double[] values = doubles.values;
      boolean isFloat = physical == PrimitiveTypeName.FLOAT;
      for (int i = 0; i < rows; i++) {
        nulls[i] = column.getCurrentDefinitionLevel() < maxDefinition;
        values[i] = nulls[i] ? 0 : isFloat ? column.getFloat() : column.getDouble();
        column.consume();
      }
    } else {
      boolean[] values = ((BooleanColumnVector) vector).values;
      for (int i = 0; i < rows; i++) {
        nulls[i] = column.getCurrentDefinitionLevel() < maxDefinition;
        values[i] = !nulls[i] && column.getBoolean();
        column.consume();
      }
    }
    return vector;
  }

  /** Bigints, unsigned ints widened to bigint, and timestamps (INT64 in any unit, or INT96) as microseconds. */
  private void decodeLongs(ColumnReader column, long[] values, boolean[] nulls, int rows, int maxDefinition) {
    for (int i = 0; i < rows; i++) {
      nulls[i] = column.getCurrentDefinitionLevel() < maxDefinition;
      if (nulls[i]) {
        values[i] = 0;
      } else if (physical == PrimitiveTypeName.INT32) {
        values[i] = Integer.toUnsignedLong(column.getInteger());
      } else if (physical == PrimitiveTypeName.INT96) {
        values[i] = int96ToMicros(column.getBinary());
      } else {
        long v = column.getLong();
        values[i] = microsFactor == 1 ? v : microsFactor > 0 ? v * microsFactor : Math.floorDiv(v, -microsFactor);
      }
      column.consume();
    }
  }

  private void decodeDecimals(ColumnReader column, DecimalColumnVector vector, int rows, int maxDefinition) {
    boolean[] nulls = vector.nulls;
    long[] unscaled = vector.unscaled;
    for (int i = 0; i < rows; i++) {
      nulls[i] = column.getCurrentDefinitionLevel() < maxDefinition;
      if (!nulls[i]) {
        switch (physical) {
          case INT32 -> unscaled[i] = column.getInteger();
          case INT64 -> {
            long v = column.getLong();
            if (unsigned && v < 0) {
              vector.setDecimal(i, new BigDecimal(new BigInteger(Long.toUnsignedString(v)), vector.scale()));
            } else {
              unscaled[i] = v;
            }
          }
          default -> setBinaryDecimal(vector, i, column.getBinary());
        }
      }
      column.consume();
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
    long nanosOfDay = bytes.getLong();
    int julianDay = bytes.getInt();
    return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
  }
}
