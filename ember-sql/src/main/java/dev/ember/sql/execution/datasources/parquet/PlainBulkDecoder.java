package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes runs of PLAIN values whose conversion is a plain copy (ints, longs, doubles, floats widened,
 * unscaled decimals, UTF-8 strings) straight into a vector's array: a bulk copy when the run has no NULLs,
 * else one tight loop per type, instead of one type dispatch per value through {@link ParquetValues}. The
 * conversions that do work per value (timestamp units, unsigned ints, INT96, byte-array decimals) keep
 * going through {@link ParquetValues}.
 */
final class PlainBulkDecoder {

  /** No bulk path for the column: decode value by value. */
  static final int NONE = 0;
  static final int INT_TO_INT = 1;
  static final int INT_TO_DECIMAL = 2;
  static final int LONG_TO_LONG = 3;
  static final int LONG_TO_DECIMAL = 4;
  static final int DOUBLE_TO_DOUBLE = 5;
  static final int FLOAT_TO_DOUBLE = 6;
  static final int BINARY_TO_STRING = 7;

  private PlainBulkDecoder() {}

  /** Which bulk path, if any, decodes PLAIN pages of {@code column} into vectors of {@code type}. */
  static int kindOf(PrimitiveType column, DataType type) {
    Class<?> vector = ColumnVectors.allocate(type, 0).getClass();
    boolean unsigned = column.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation integer
        && !integer.isSigned();
    PrimitiveTypeName physical = column.getPrimitiveTypeName();
    if (physical == PrimitiveTypeName.INT32 && vector == IntColumnVector.class) {
      return INT_TO_INT;
    } else if (physical == PrimitiveTypeName.INT32 && vector == DecimalColumnVector.class) {
      return INT_TO_DECIMAL;
    } else if (physical == PrimitiveTypeName.INT64 && vector == LongColumnVector.class
        && ParquetSchemas.microsFactor(column) == 1) {
      return LONG_TO_LONG;
    } else if (physical == PrimitiveTypeName.INT64 && vector == DecimalColumnVector.class && !unsigned) {
      return LONG_TO_DECIMAL;
    } else if (physical == PrimitiveTypeName.DOUBLE && vector == DoubleColumnVector.class) {
      return DOUBLE_TO_DOUBLE;
    } else if (physical == PrimitiveTypeName.FLOAT && vector == DoubleColumnVector.class) {
      return FLOAT_TO_DOUBLE;
    } else if (physical == PrimitiveTypeName.BINARY && vector == StringColumnVector.class) {
      return BINARY_TO_STRING;
    }
    return NONE;
  }

  /**
   * The values of a dictionary page of a numeric bulk {@code kind} ({@code kind} neither {@link #NONE} nor
   * {@link #BINARY_TO_STRING}) decoded at once into a vector of {@code type}, as a PLAIN page of the column is;
   * null when the page is not PLAIN-encoded or not array-backed, for parquet-java's dictionary to decode it.
   */
  static ColumnVector dictionary(DictionaryPage page, DataType type, int kind) {
    Encoding encoding = page.getEncoding();
    if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
      return null;
    }
    ByteBuffer bytes;
    try {
      bytes = page.getBytes().toByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a Parquet dictionary page", e);
    }
    ColumnVector values = ColumnVectors.allocate(type, page.getDictionarySize());
    return decode(values, 0, page.getDictionarySize(), true, bytes, kind) ? values : null;
  }

  /**
   * Decodes the non-NULL rows of {@code vector[start, start + n)} (NULL flags already set) from the
   * little-endian {@code page}, advancing it; returns false, reading nothing, when {@code kind} is
   * {@link #NONE} or the page is not array-backed.
   */
  static boolean decode(ColumnVector vector, int start, int n, boolean noNulls, ByteBuffer page, int kind) {
    if (kind == NONE || !page.hasArray()) {
      return false;
    }
    boolean[] nulls = vector.nulls;
    switch (kind) {
      case INT_TO_INT -> {
        int[] out = ((IntColumnVector) vector).values;
        if (noNulls) {
          page.asIntBuffer().get(out, start, n);
          page.position(page.position() + 4 * n);
        } else {
          for (int k = start; k < start + n; k++) {
            if (!nulls[k]) {
              out[k] = page.getInt();
            }
          }
        }
      }
      case INT_TO_DECIMAL -> {
        long[] out = ((DecimalColumnVector) vector).unscaled;
        for (int k = start; k < start + n; k++) {
          if (noNulls || !nulls[k]) {
            out[k] = page.getInt();
          }
        }
      }
      case LONG_TO_LONG, LONG_TO_DECIMAL -> decodeLongs(kind == LONG_TO_LONG ? ((LongColumnVector) vector).values
          : ((DecimalColumnVector) vector).unscaled, nulls, start, n, noNulls, page);
      case DOUBLE_TO_DOUBLE -> {
        double[] out = ((DoubleColumnVector) vector).values;
        if (noNulls) {
          page.asDoubleBuffer().get(out, start, n);
          page.position(page.position() + 8 * n);
        } else {
          for (int k = start; k < start + n; k++) {
            if (!nulls[k]) {
              out[k] = page.getDouble();
            }
          }
        }
      }
      case FLOAT_TO_DOUBLE -> {
        double[] out = ((DoubleColumnVector) vector).values;
        for (int k = start; k < start + n; k++) {
          if (noNulls || !nulls[k]) {
            out[k] = page.getFloat();
          }
        }
      }
      default -> decodeStrings(((StringColumnVector) vector).values, nulls, start, n, noNulls, page);
    }
    return true;
  }

  /**
   * Decodes {@code m} selected values of a run of {@code present} PLAIN values of an array-backed
   * {@code page} of a bulk {@code kind} into {@code vector[out, out + m)}: {@code valueIndex[j]} is the index
   * of row {@code j}'s value among the run's values, negative for a NULL row (its flag already set). The
   * indexes ascend. Leaves the page after the run's values.
   */
  static void decodeSelected(ColumnVector vector, int out, int m, int[] valueIndex, int present, ByteBuffer page,
      int kind) {
    int base = page.position();
    switch (kind) {
      case INT_TO_INT -> {
        int[] values = ((IntColumnVector) vector).values;
        for (int j = 0; j < m; j++) {
          if (valueIndex[j] >= 0) {
            values[out + j] = page.getInt(base + 4 * valueIndex[j]);
          }
        }
        page.position(base + 4 * present);
      }
      case INT_TO_DECIMAL -> {
        long[] values = ((DecimalColumnVector) vector).unscaled;
        for (int j = 0; j < m; j++) {
          if (valueIndex[j] >= 0) {
            values[out + j] = page.getInt(base + 4 * valueIndex[j]);
          }
        }
        page.position(base + 4 * present);
      }
      case LONG_TO_LONG, LONG_TO_DECIMAL -> {
        long[] values = kind == LONG_TO_LONG ? ((LongColumnVector) vector).values
            : ((DecimalColumnVector) vector).unscaled;
        for (int j = 0; j < m; j++) {
          if (valueIndex[j] >= 0) {
            values[out + j] = page.getLong(base + 8 * valueIndex[j]);
          }
        }
        page.position(base + 8 * present);
      }
      case DOUBLE_TO_DOUBLE, FLOAT_TO_DOUBLE -> {
        double[] values = ((DoubleColumnVector) vector).values;
        int width = kind == DOUBLE_TO_DOUBLE ? 8 : 4;
        for (int j = 0; j < m; j++) {
          if (valueIndex[j] >= 0) {
            int at = base + width * valueIndex[j];
            values[out + j] = kind == DOUBLE_TO_DOUBLE ? page.getDouble(at) : page.getFloat(at);
          }
        }
        page.position(base + width * present);
      }
      default -> selectStrings(((StringColumnVector) vector).values, out, m, valueIndex, present, page);
    }
  }

  private static void selectStrings(String[] out, int offset, int m, int[] valueIndex, int present,
      ByteBuffer page) {
    byte[] bytes = page.array();
    int base = page.arrayOffset();
    int position = page.position();
    int j = 0;
    for (int v = 0; v < present; v++) {
      int length = page.getInt(position);
      while (j < m && valueIndex[j] < 0) {
        j++;
      }
      if (j < m && valueIndex[j] == v) {
        out[offset + j] = new String(bytes, base + position + 4, length, StandardCharsets.UTF_8);
        j++;
      }
      position += 4 + length;
    }
    page.position(position);
  }

  private static void decodeLongs(long[] out, boolean[] nulls, int start, int n, boolean noNulls, ByteBuffer page) {
    if (noNulls) {
      page.asLongBuffer().get(out, start, n);
      page.position(page.position() + 8 * n);
      return;
    }
    for (int k = start; k < start + n; k++) {
      if (!nulls[k]) {
        out[k] = page.getLong();
      }
    }
  }

  private static void decodeStrings(String[] out, boolean[] nulls, int start, int n, boolean noNulls,
      ByteBuffer page) {
    byte[] bytes = page.array();
    int base = page.arrayOffset();
    int position = page.position();
    for (int k = start; k < start + n; k++) {
      if (noNulls || !nulls[k]) {
        int length = page.getInt(position);
        out[k] = new String(bytes, base + position + 4, length, StandardCharsets.UTF_8);
        position += 4 + length;
      }
    }
    page.position(position);
  }
}
