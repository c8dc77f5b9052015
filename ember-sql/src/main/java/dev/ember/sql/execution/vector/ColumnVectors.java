package dev.ember.sql.execution.vector;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Allocates vectors by type and builds them from values. */
public final class ColumnVectors {

  private ColumnVectors() {}

  /** A vector for {@code type} with {@code capacity} rows (NULL type vectors are all NULL). */
  public static ColumnVector allocate(DataType type, int capacity) {
    if (type == DataTypes.BooleanType) {
      return new BooleanColumnVector(type, capacity);
    }
    if (type == DataTypes.IntegerType || type == DataTypes.DateType || type == DataTypes.ByteType
        || type == DataTypes.ShortType || type == DataTypes.YearMonthIntervalType) {
      // Bytes and shorts share the int vector; kernels wrap their results to 8 or 16 bits.
      return new IntColumnVector(type, capacity);
    }
    if (type == DataTypes.LongType || type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType
        || type == DataTypes.DayTimeIntervalType) {
      return new LongColumnVector(type, capacity);
    }
    if (type instanceof DecimalType decimal) {
      return new DecimalColumnVector(decimal, capacity);
    }
    if (type == DataTypes.DoubleType || type == DataTypes.FloatType) {
      // Floats share the double vector; kernels round their results to float precision.
      return new DoubleColumnVector(type, capacity);
    }
    if (type == DataTypes.StringType) {
      return new StringColumnVector(type, capacity);
    }
    if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType
        || type == DataTypes.BinaryType) {
      return NestedVectors.allocate(type, capacity);
    }
    if (type == DataTypes.NullType) {
      // NULL-typed columns carry no values; a boolean vector with every row NULL stands in.
      BooleanColumnVector v = new BooleanColumnVector(type, capacity);
      java.util.Arrays.fill(v.nulls, true);
      return v;
    }
    throw new IllegalArgumentException("No column vector for type " + type.simpleString());
  }

  /**
   * {@code vector} when it has at least {@code needed} slots, else a copy of its first {@code used} rows in
   * a vector of twice the capacity (or {@code needed}, when larger).
   */
  public static ColumnVector grow(ColumnVector vector, int used, int needed) {
    if (needed <= vector.capacity()) {
      return vector;
    }
    ColumnVector bigger = allocate(vector.dataType(), Math.max(needed, vector.capacity() * 2));
    for (int i = 0; i < used; i++) {
      bigger.copyFrom(i, vector, i);
    }
    return bigger;
  }

  /** A vector holding {@code values} (internal representation, null for NULL). */
  public static ColumnVector of(DataType type, List<?> values) {
    ColumnVector v = allocate(type, values.size());
    for (int i = 0; i < values.size(); i++) {
      if (type != DataTypes.NullType) {
        v.setBoxed(i, values.get(i));
      }
    }
    return v;
  }

  /** A vector repeating one value {@code rows} times. */
  public static ColumnVector constant(DataType type, Object value, int rows) {
    ColumnVector v = allocate(type, rows);
    if (type == DataTypes.NullType) {
      return v;
    }
    if (v instanceof DecimalColumnVector decimals && value != null && rows > 0) {
      // Decimal literals in arithmetic (1 - l_discount) convert once, not once per row.
      BigDecimal d = (BigDecimal) value;
      decimals.fill(d.scale() == decimals.scale() ? d : d.setScale(decimals.scale(), RoundingMode.HALF_UP), rows);
      return v;
    }
    for (int i = 0; i < rows; i++) {
      v.setBoxed(i, value);
    }
    return v;
  }
}
