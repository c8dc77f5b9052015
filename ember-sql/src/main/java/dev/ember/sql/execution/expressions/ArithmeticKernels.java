package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.types.DataTypes;

/**
 * Arithmetic over vectors of one numeric type (the analyzer casts both sides first). Integer overflow wraps
 * and division or remainder by zero gives NULL, as in Spark's non-ANSI mode.
 */
final class ArithmeticKernels {

  private ArithmeticKernels() {}

  static ColumnVector apply(ArithmeticOperator op, ColumnVector left, ColumnVector right, int n) {
    if (left instanceof IntColumnVector l && right instanceof IntColumnVector r) {
      return ints(op, l, r, n);
    }
    if (left instanceof LongColumnVector l && right instanceof LongColumnVector r) {
      return longs(op, l, r, n);
    }
    if (left instanceof DoubleColumnVector l && right instanceof DoubleColumnVector r) {
      return doubles(op, l, r, n);
    }
    if (left.dataType() == DataTypes.NullType || right.dataType() == DataTypes.NullType) {
      return ColumnVectors.allocate(DataTypes.NullType, n);
    }
    throw new IllegalStateException("arithmetic on " + left.dataType().simpleString() + " and "
        + right.dataType().simpleString() + " reached execution uncoerced; this is a bug");
  }

  private static void orNulls(ColumnVector out, ColumnVector l, ColumnVector r, int n) {
    for (int i = 0; i < n; i++) {
      out.nulls[i] = l.nulls[i] | r.nulls[i];
    }
  }

  private static ColumnVector ints(ArithmeticOperator op, IntColumnVector l, IntColumnVector r, int n) {
    IntColumnVector out = new IntColumnVector(DataTypes.IntegerType, n);
    orNulls(out, l, r, n);
    int[] a = l.values;
    int[] b = r.values;
    int[] o = out.values;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] + b[i];
        }
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] - b[i];
        }
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] * b[i];
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          if (b[i] == 0) {
            out.nulls[i] = true;
          } else if (!out.nulls[i]) {
            o[i] = op == ArithmeticOperator.REMAINDER ? a[i] % b[i] : a[i] / b[i];
          }
        }
      }
    }
    return out;
  }

  private static ColumnVector longs(ArithmeticOperator op, LongColumnVector l, LongColumnVector r, int n) {
    LongColumnVector out = new LongColumnVector(DataTypes.LongType, n);
    orNulls(out, l, r, n);
    long[] a = l.values;
    long[] b = r.values;
    long[] o = out.values;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] + b[i];
        }
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] - b[i];
        }
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] * b[i];
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          if (b[i] == 0) {
            out.nulls[i] = true;
          } else if (!out.nulls[i]) {
            o[i] = op == ArithmeticOperator.REMAINDER ? a[i] % b[i] : a[i] / b[i];
          }
        }
      }
    }
    return out;
  }

  private static ColumnVector doubles(ArithmeticOperator op, DoubleColumnVector l, DoubleColumnVector r,
      int n) {
    DoubleColumnVector out = new DoubleColumnVector(DataTypes.DoubleType, n);
    orNulls(out, l, r, n);
    double[] a = l.values;
    double[] b = r.values;
    double[] o = out.values;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] + b[i];
        }
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] - b[i];
        }
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] * b[i];
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          if (b[i] == 0) {
            out.nulls[i] = true;
          } else {
            o[i] = op == ArithmeticOperator.REMAINDER ? a[i] % b[i] : a[i] / b[i];
          }
        }
      }
    }
    return out;
  }

  static ColumnVector negate(ColumnVector v, int n) {
    ColumnVector out = ColumnVectors.allocate(v.dataType(), n);
    System.arraycopy(v.nulls, 0, out.nulls, 0, n);
    if (v instanceof IntColumnVector in) {
      int[] o = ((IntColumnVector) out).values;
      for (int i = 0; i < n; i++) {
        o[i] = -in.values[i];
      }
    } else if (v instanceof LongColumnVector in) {
      long[] o = ((LongColumnVector) out).values;
      for (int i = 0; i < n; i++) {
        o[i] = -in.values[i];
      }
    } else if (v instanceof DoubleColumnVector in) {
      double[] o = ((DoubleColumnVector) out).values;
      for (int i = 0; i < n; i++) {
        o[i] = -in.values[i];
      }
    }
    return out;
  }
}
