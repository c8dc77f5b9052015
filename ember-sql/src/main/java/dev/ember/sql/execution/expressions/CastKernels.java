package dev.ember.sql.execution.expressions;

import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CAST between types with Spark's semantics. Non-ANSI: a value that does not convert becomes NULL, integral
 * narrowing wraps, fractional to integral truncates toward zero. ANSI: malformed strings raise
 * CAST_INVALID_INPUT and values out of the target's range CAST_OVERFLOW. Widening numeric casts run as
 * primitive loops; the others convert value by value through {@link CastValues}.
 */
public final class CastKernels {

  private CastKernels() {}

  /** Whether Spark allows casting {@code from} to {@code to}. */
  public static boolean canCast(DataType from, DataType to) {
    if (NestedCasts.handles(from, to)) {
      return NestedCasts.canCast(from, to);
    }
    if (from.equals(to) || from == DataTypes.NullType || to == DataTypes.StringType) {
      return true;
    }
    if (from == DataTypes.StringType) {
      return to != DataTypes.YearMonthIntervalType && to != DataTypes.DayTimeIntervalType;
    }
    boolean fromNumberOrBool = from.isNumeric() || from == DataTypes.BooleanType;
    boolean toNumberOrBool = to.isNumeric() || to == DataTypes.BooleanType;
    if (fromNumberOrBool && toNumberOrBool) {
      return true;
    }
    boolean fromDateTime = isDateTime(from);
    boolean toDateTime = isDateTime(to);
    if (fromDateTime && toDateTime) {
      return true;
    }
    // Spark's non-ANSI casts between numbers and timestamps count seconds since the epoch.
    return from == DataTypes.TimestampType && toNumberOrBool
        || to == DataTypes.TimestampType && fromNumberOrBool;
  }

  private static boolean isDateTime(DataType t) {
    return t == DataTypes.DateType || t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType;
  }

  /** {@code v} cast to {@code to} in non-ANSI mode, in the JVM's time zone. */
  static ColumnVector cast(ColumnVector v, DataType to, int n) {
    return cast(v, to, false, null, n);
  }

  /** {@code v} cast to {@code to}; {@code zoneId} is the session time zone (null: the JVM's). */
  public static ColumnVector cast(ColumnVector v, DataType to, boolean ansi, String zoneId, int n) {
    DataType from = v.dataType();
    if (from.equals(to)) {
      return v;
    }
    ColumnVector fast = fastCast(v, to, n);
    if (fast != null) {
      return fast;
    }
    ZoneId zone = DateTimeUtils.zone(zoneId);
    ColumnVector out = ColumnVectors.allocate(to, n);
    if (from == DataTypes.NullType) {
      java.util.Arrays.fill(out.nulls, 0, n, true);
      return out;
    }
    for (int i = 0; i < n; i++) {
      out.setBoxed(i, v.isNull(i) ? null : CastValues.cast(v.getBoxed(i), from, to, ansi, zone));
    }
    return out;
  }

  private static ColumnVector fastCast(ColumnVector v, DataType to, int n) {
    DataType from = v.dataType();
    boolean fromIntegral = DataTypes.isIntegral(from);
    if (v instanceof IntColumnVector in && fromIntegral && to == DataTypes.LongType) {
      LongColumnVector out = new LongColumnVector(to, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = in.values[i];
      }
      return out;
    }
    if (v instanceof IntColumnVector in && fromIntegral && to == DataTypes.IntegerType) {
      IntColumnVector out = new IntColumnVector(to, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      System.arraycopy(in.values, 0, out.values, 0, n);
      return out;
    }
    if ((to == DataTypes.DoubleType || to == DataTypes.FloatType) && fromIntegral) {
      DoubleColumnVector out = new DoubleColumnVector(to, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      boolean toFloat = to == DataTypes.FloatType;
      if (v instanceof IntColumnVector in) {
        for (int i = 0; i < n; i++) {
          out.values[i] = toFloat ? (float) in.values[i] : in.values[i];
        }
      } else {
        long[] values = ((LongColumnVector) v).values;
        for (int i = 0; i < n; i++) {
          out.values[i] = toFloat ? (float) values[i] : (double) values[i];
        }
      }
      return out;
    }
    if (to == DataTypes.DoubleType && from == DataTypes.FloatType) {
      DoubleColumnVector out = new DoubleColumnVector(to, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      System.arraycopy(((DoubleColumnVector) v).values, 0, out.values, 0, n);
      return out;
    }
    if (to instanceof DecimalType decimal && fromIntegral && decimal.precision() - decimal.scale() >= 19
        && decimal.scale() <= 18) {
      return integralToWideDecimal(v, decimal, n);
    }
    if (v instanceof DecimalColumnVector d && to instanceof DecimalType decimal && !d.hasWideValues()
        && decimal.scale() >= d.scale() && decimal.precision() - decimal.scale()
        >= ((DecimalType) from).precision() - d.scale()) {
      return widenDecimal(d, decimal, n);
    }
    return null;
  }

  /** Integers into a decimal with room for every long: unscaled = value * 10^scale, overflowing to BigDecimal. */
  private static ColumnVector integralToWideDecimal(ColumnVector v, DecimalType to, int n) {
    DecimalColumnVector out = new DecimalColumnVector(to, n);
    int scale = to.scale();
    for (int i = 0; i < n; i++) {
      if (v.nulls[i]) {
        out.nulls[i] = true;
        continue;
      }
      long x = v instanceof IntColumnVector in ? in.values[i] : ((LongColumnVector) v).values[i];
      try {
        out.setUnscaled(i, DecimalKernels.upscale(x, scale));
      } catch (ArithmeticException e) {
        out.setDecimal(i, java.math.BigDecimal.valueOf(x).setScale(scale));
      }
    }
    return out;
  }

  /** A decimal into one with at least as many integral and fractional digits: never overflows. */
  private static ColumnVector widenDecimal(DecimalColumnVector v, DecimalType to, int n) {
    DecimalColumnVector out = new DecimalColumnVector(to, n);
    int digits = to.scale() - v.scale();
    for (int i = 0; i < n; i++) {
      if (v.nulls[i]) {
        out.nulls[i] = true;
        continue;
      }
      try {
        out.setUnscaled(i, DecimalKernels.upscale(v.unscaled[i], digits));
      } catch (ArithmeticException e) {
        out.setDecimal(i, v.getDecimal(i).setScale(to.scale()));
      }
    }
    return out;
  }

  /** One value (internal representation) cast from {@code from} to {@code to}; null when it does not convert. */
  public static Object castValue(Object value, DataType from, DataType to) {
    return value == null ? null : CastValues.cast(value, from, to, false, java.time.ZoneId.systemDefault());
  }

  /** One value cast with the given mode and session time zone id. */
  public static Object castValue(Object value, DataType from, DataType to, boolean ansi, String zoneId) {
    return value == null ? null : CastValues.cast(value, from, to, ansi, DateTimeUtils.zone(zoneId));
  }

  static SqlExecutionException invalidInput(Object value, DataType from, DataType to) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("expression", "'" + value + "'");
    parameters.put("sourceType", "\"" + from.sql() + "\"");
    parameters.put("targetType", "\"" + to.sql() + "\"");
    return new SqlExecutionException("CAST_INVALID_INPUT", parameters);
  }

  static SqlExecutionException overflow(Object value, DataType from, DataType to) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("value", String.valueOf(value));
    parameters.put("sourceType", "\"" + from.sql() + "\"");
    parameters.put("targetType", "\"" + to.sql() + "\"");
    return new SqlExecutionException("CAST_OVERFLOW", parameters);
  }
}
