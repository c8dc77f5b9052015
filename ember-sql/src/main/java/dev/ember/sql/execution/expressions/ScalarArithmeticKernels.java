package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Sums, differences and products of a vector with one non-null constant ({@code 1 - l_discount},
 * {@code x * 2}), with the constant held in a local instead of a vector as wide as the batch. Compact
 * decimals whose exact scale is the result's run in long arithmetic, a row that overflows a long or the
 * result's precision being redone with BigDecimal exactly as {@link DecimalKernels} does; int, bigint and
 * double columns wrap (or raise ARITHMETIC_OVERFLOW in ANSI mode) as {@link TypedArithmetic} does. Every
 * other case (division, remainder, tinyint, smallint, float, wide decimals, a NULL constant) is left to the
 * vector kernels: {@link #apply} returns null.
 */
final class ScalarArithmeticKernels {

  private ScalarArithmeticKernels() {}

  /**
   * {@code column op constant}, or {@code constant op column} when {@code constantOnLeft}; {@code constant}
   * is the literal's value of type {@code constantType}. Null when this kernel does not apply.
   */
  static ColumnVector apply(BinaryArithmetic a, ColumnVector column, DataType constantType, Object constant,
      boolean constantOnLeft, int n) {
    ArithmeticOperator op = a.operator();
    if (constant == null || !(op == ArithmeticOperator.ADD || op == ArithmeticOperator.SUBTRACT
        || op == ArithmeticOperator.MULTIPLY)) {
      return null;
    }
    DataType type = a.dataType();
    if (column instanceof DecimalColumnVector c && constantType instanceof DecimalType kt
        && type instanceof DecimalType resultType && constant instanceof BigDecimal k) {
      return decimals(op, c, kt, k, constantOnLeft, resultType, a.ansi(), n);
    }
    if (!column.dataType().equals(type) || !constantType.equals(type) || !(constant instanceof Number k)) {
      return null;
    }
    if (column instanceof LongColumnVector c && type == DataTypes.LongType) {
      return longs(op, c, k.longValue(), constantOnLeft, a.ansi(), n);
    }
    if (column instanceof IntColumnVector c && type == DataTypes.IntegerType) {
      return ints(op, c, k.intValue(), constantOnLeft, a.ansi(), n);
    }
    if (column instanceof DoubleColumnVector c && type == DataTypes.DoubleType) {
      return doubles(op, c, k.doubleValue(), constantOnLeft, n);
    }
    return null;
  }

  private static DecimalColumnVector decimals(ArithmeticOperator op, DecimalColumnVector column,
      DecimalType constantType, BigDecimal constant, boolean constantOnLeft, DecimalType resultType, boolean ansi,
      int n) {
    int sc = column.scale();
    int sk = constantType.scale();
    int scale = resultType.scale();
    boolean multiply = op == ArithmeticOperator.MULTIPLY;
    int exactScale = multiply ? sc + sk : Math.max(sc, sk);
    if (column.hasWideValues() || exactScale != scale || scale - Math.min(sc, sk) >= DecimalKernels.POW10.length) {
      return null;
    }
    BigDecimal k = constant.setScale(sk, RoundingMode.HALF_UP);
    BigInteger digits = k.unscaledValue();
    if (digits.bitLength() >= 63) {
      return null;
    }
    long kv;
    try {
      kv = multiply ? digits.longValue() : DecimalKernels.upscale(digits.longValue(), scale - sk);
    } catch (ArithmeticException overflow) {
      return null;
    }
    DecimalColumnVector out = new DecimalColumnVector(resultType, n);
    long[] a = column.unscaled;
    long[] o = out.unscaled;
    boolean[] nulls = column.nulls;
    long bound = resultType.precision() < DecimalKernels.POW10.length
        ? DecimalKernels.POW10[resultType.precision()] : Long.MAX_VALUE;
    long fa = multiply ? 1 : DecimalKernels.POW10[scale - sc];
    // x - k as x + (-k), k - x as (-x) + k: one addition per row either way.
    boolean negateColumn = op == ArithmeticOperator.SUBTRACT && constantOnLeft;
    long addend = op == ArithmeticOperator.SUBTRACT && !constantOnLeft ? -kv : kv;
    for (int i = 0; i < n; i++) {
      long v;
      boolean exact;
      if (multiply) {
        v = a[i] * kv;
        exact = Math.multiplyHigh(a[i], kv) == (v >> 63);
      } else {
        long x = a[i] * fa;
        boolean scaled = Math.multiplyHigh(a[i], fa) == (x >> 63) & x != Long.MIN_VALUE;
        x = negateColumn ? -x : x;
        v = x + addend;
        exact = scaled & ((x ^ v) & (addend ^ v)) >= 0;
      }
      if (exact & v < bound & v > -bound & !nulls[i]) {
        o[i] = v;
      } else if (nulls[i]) {
        out.nulls[i] = true;
      } else {
        BigDecimal x = column.getDecimal(i);
        DecimalKernels.slow(op, constantOnLeft ? k : x, constantOnLeft ? x : k, out, i, resultType, ansi);
      }
    }
    return out;
  }

  private static LongColumnVector longs(ArithmeticOperator op, LongColumnVector column, long k,
      boolean constantOnLeft, boolean ansi, int n) {
    LongColumnVector out = new LongColumnVector(DataTypes.LongType, n);
    System.arraycopy(column.nulls, 0, out.nulls, 0, n);
    long[] a = column.values;
    long[] o = out.values;
    boolean reverse = op == ArithmeticOperator.SUBTRACT && constantOnLeft;
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long v = switchless(op, x, k, reverse);
      if (ansi && !out.nulls[i] && !exact(op, x, k, reverse, v)) {
        throw TypedArithmetic.overflow("long overflow", op);
      }
      o[i] = v;
    }
    return out;
  }

  private static IntColumnVector ints(ArithmeticOperator op, IntColumnVector column, int k,
      boolean constantOnLeft, boolean ansi, int n) {
    IntColumnVector out = new IntColumnVector(DataTypes.IntegerType, n);
    System.arraycopy(column.nulls, 0, out.nulls, 0, n);
    int[] a = column.values;
    int[] o = out.values;
    boolean reverse = op == ArithmeticOperator.SUBTRACT && constantOnLeft;
    for (int i = 0; i < n; i++) {
      long wide = switchless(op, a[i], k, reverse);
      o[i] = (int) wide;
      if (ansi && !out.nulls[i] && o[i] != wide) {
        throw TypedArithmetic.overflow("integer overflow", null);
      }
    }
    return out;
  }

  private static DoubleColumnVector doubles(ArithmeticOperator op, DoubleColumnVector column, double k,
      boolean constantOnLeft, int n) {
    DoubleColumnVector out = new DoubleColumnVector(DataTypes.DoubleType, n);
    System.arraycopy(column.nulls, 0, out.nulls, 0, n);
    double[] a = column.values;
    double[] o = out.values;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] + k;
        }
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] * k;
        }
      }
      default -> {
        double sign = constantOnLeft ? -1 : 1;
        double addend = constantOnLeft ? k : -k;
        for (int i = 0; i < n; i++) {
          o[i] = sign * a[i] + addend;
        }
      }
    }
    return out;
  }

  /** {@code x op k} (or {@code k - x} when {@code reverse}) in wrapping long arithmetic. */
  private static long switchless(ArithmeticOperator op, long x, long k, boolean reverse) {
    return switch (op) {
      case ADD -> x + k;
      case MULTIPLY -> x * k;
      default -> reverse ? k - x : x - k;
    };
  }

  /** Whether the wrapping result {@code v} of {@code x op k} is exact. */
  private static boolean exact(ArithmeticOperator op, long x, long k, boolean reverse, long v) {
    return switch (op) {
      case ADD -> ((x ^ v) & (k ^ v)) >= 0;
      case MULTIPLY -> Math.multiplyHigh(x, k) == (v >> 63);
      default -> reverse ? ((k ^ x) & (k ^ v)) >= 0 : ((x ^ k) & (x ^ v)) >= 0;
    };
  }
}
