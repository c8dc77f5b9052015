package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataType;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongToIntFunction;

/**
 * Loops shared by function kernels: a result is NULL where any argument is, and the operation runs on the
 * primitive arrays of the others. The operations are lambdas the JIT inlines into each loop's call site.
 */
final class KernelSupport {

  private KernelSupport() {}

  /** A vector of {@code type} NULL wherever one of {@code arguments} is. */
  static ColumnVector allocateWithNulls(DataType type, ColumnVector[] arguments, int n) {
    ColumnVector out = ColumnVectors.allocate(type, n);
    for (ColumnVector argument : arguments) {
      boolean[] nulls = argument.nulls;
      for (int i = 0; i < n; i++) {
        out.nulls[i] |= nulls[i];
      }
    }
    return out;
  }

  static int[] ints(ColumnVector v) {
    return ((IntColumnVector) v).values;
  }

  static long[] longs(ColumnVector v) {
    return ((LongColumnVector) v).values;
  }

  static double[] doubles(ColumnVector v) {
    return ((DoubleColumnVector) v).values;
  }

  static String[] strings(ColumnVector v) {
    return ((StringColumnVector) v).values;
  }

  static ColumnVector intToInt(DataType type, ColumnVector a, int n, IntUnaryOperator op) {
    IntColumnVector out = (IntColumnVector) allocateWithNulls(type, new ColumnVector[] {a}, n);
    int[] in = ints(a);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = op.applyAsInt(in[i]);
      }
    }
    return out;
  }

  static ColumnVector intIntToInt(DataType type, ColumnVector a, ColumnVector b, int n, IntBinaryOperator op) {
    IntColumnVector out = (IntColumnVector) allocateWithNulls(type, new ColumnVector[] {a, b}, n);
    int[] x = ints(a);
    int[] y = ints(b);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = op.applyAsInt(x[i], y[i]);
      }
    }
    return out;
  }

  static ColumnVector longToInt(DataType type, ColumnVector a, int n, LongToIntFunction op) {
    IntColumnVector out = (IntColumnVector) allocateWithNulls(type, new ColumnVector[] {a}, n);
    long[] in = longs(a);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = op.applyAsInt(in[i]);
      }
    }
    return out;
  }

  static ColumnVector longLongToLong(DataType type, ColumnVector a, ColumnVector b, int n, LongBinaryOperator op) {
    LongColumnVector out = (LongColumnVector) allocateWithNulls(type, new ColumnVector[] {a, b}, n);
    long[] x = longs(a);
    long[] y = longs(b);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = op.applyAsLong(x[i], y[i]);
      }
    }
    return out;
  }

  /** Each row's value computed from boxed arguments (slow paths: formats, regular expressions); null gives NULL. */
  static ColumnVector boxed(DataType type, ColumnVector[] arguments, int n, RowFunction f) {
    ColumnVector out = allocateWithNulls(type, arguments, n);
    Object[] row = new Object[arguments.length];
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      for (int a = 0; a < row.length; a++) {
        row[a] = arguments[a].getBoxed(i);
      }
      out.setBoxed(i, f.apply(row));
    }
    return out;
  }

  /** A function of one row's non-NULL argument values. */
  interface RowFunction {
    Object apply(Object[] arguments);
  }
}
