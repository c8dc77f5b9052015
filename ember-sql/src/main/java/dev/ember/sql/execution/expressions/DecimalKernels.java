package dev.ember.sql.execution.expressions;

import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Decimal arithmetic with Spark's result types. Rows whose operands are unscaled longs are computed in long
 * arithmetic (exact operations, rounding HALF_UP when the result scale is smaller), so TPC-H's
 * {@code l_extendedprice * (1 - l_discount)} allocates nothing per row; a row that overflows a long is redone
 * with BigDecimal. A result with more digits than its precision is NULL, or NUMERIC_VALUE_OUT_OF_RANGE in
 * ANSI mode; division or remainder by zero is NULL, or DIVIDE_BY_ZERO.
 */
public final class DecimalKernels {

  /** Powers of ten that fit a long: {@code POW10[i] = 10^i} for i in 0..18. */
  static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private DecimalKernels() {}

  static DecimalColumnVector apply(ArithmeticOperator op, DecimalColumnVector l, DecimalColumnVector r,
      DecimalType resultType, boolean ansi, int n) {
    DecimalColumnVector out = new DecimalColumnVector(resultType, n);
    int s1 = l.scale();
    int s2 = r.scale();
    int exactScale = switch (op) {
      case MULTIPLY -> s1 + s2;
      case DIVIDE -> resultType.scale();
      default -> Math.max(s1, s2);
    };
    boolean longs = !l.hasWideValues() && !r.hasWideValues() && op != ArithmeticOperator.DIVIDE;
    if (longs && exactScale == resultType.scale() && exactScale - Math.min(s1, s2) < POW10.length
        && op != ArithmeticOperator.REMAINDER) {
      exactLongs(op, l, r, out, resultType, ansi, n);
      return out;
    }
    for (int i = 0; i < n; i++) {
      applyRow(op, l, r, out, i, exactScale, longs, resultType, ansi);
    }
    return out;
  }

  /**
   * The common case of TPC-H's {@code price * (1 - discount)}: a sum, difference or product of unscaled longs
   * whose exact scale is the result's, so no rounding; one tight loop (a sum's operands brought to one scale
   * by a multiplication), with rows that overflow a long or the result's precision, and NULLs, redone by
   * {@link #applyRow}.
   */
  private static void exactLongs(ArithmeticOperator op, DecimalColumnVector l, DecimalColumnVector r,
      DecimalColumnVector out, DecimalType resultType, boolean ansi, int n) {
    long[] a = l.unscaled;
    long[] b = r.unscaled;
    long[] o = out.unscaled;
    boolean[] ln = l.nulls;
    boolean[] rn = r.nulls;
    // Every long has at most 19 digits: only a smaller precision needs a bound.
    long bound = resultType.precision() < POW10.length ? POW10[resultType.precision()] : Long.MAX_VALUE;
    if (op == ArithmeticOperator.MULTIPLY && productsFit(a, b, n, bound)) {
      for (int i = 0; i < n; i++) {
        boolean isNull = ln[i] | rn[i];
        out.nulls[i] = isNull;
        o[i] = isNull ? 0 : a[i] * b[i];
      }
      return;
    }
    int scale = resultType.scale();
    boolean multiply = op == ArithmeticOperator.MULTIPLY;
    boolean subtract = op == ArithmeticOperator.SUBTRACT;
    long fa = multiply ? 1 : POW10[scale - l.scale()];
    long fb = multiply ? 1 : POW10[scale - r.scale()];
    for (int i = 0; i < n; i++) {
      long v;
      boolean exact;
      if (multiply) {
        v = a[i] * b[i];
        exact = Math.multiplyHigh(a[i], b[i]) == (v >> 63);
      } else {
        long x = a[i] * fa;
        long y = b[i] * fb;
        boolean scaled = Math.multiplyHigh(a[i], fa) == (x >> 63) & Math.multiplyHigh(b[i], fb) == (y >> 63);
        y = subtract ? -y : y;
        v = x + y;
        exact = scaled & y != Long.MIN_VALUE & ((x ^ v) & (y ^ v)) >= 0;
      }
      if (exact & v < bound & v > -bound & !(ln[i] | rn[i])) {
        o[i] = v;
      } else {
        applyRow(op, l, r, out, i, scale, true, resultType, ansi);
      }
    }
  }

  /**
   * Whether every product of a row of {@code a} and a row of {@code b} (NULL slots included) fits a long and
   * stays below {@code bound}, from the highest bit of each side's magnitudes: then a batch of products
   * needs no test per row.
   */
  static boolean productsFit(long[] a, long[] b, int n, long bound) {
    int bits = magnitudeBits(a, n) + magnitudeBits(b, n);
    return bits <= 62 && (1L << bits) < bound;
  }

  /** The smallest {@code k} such that each of the first {@code n} values has a magnitude of at most 2^k. */
  static int magnitudeBits(long[] values, int n) {
    long bits = 0;
    for (int i = 0; i < n; i++) {
      // x ^ (x >> 63) is |x| for x >= 0 and |x| - 1 below: every magnitude is at most bits + 1.
      bits |= values[i] ^ (values[i] >> 63);
    }
    return 64 - Long.numberOfLeadingZeros(bits);
  }

  private static void applyRow(ArithmeticOperator op, DecimalColumnVector l, DecimalColumnVector r,
      DecimalColumnVector out, int i, int exactScale, boolean longs, DecimalType resultType, boolean ansi) {
    int s1 = l.scale();
    int s2 = r.scale();
    if (l.nulls[i] || r.nulls[i]) {
      out.nulls[i] = true;
      return;
    }
    if (longs) {
      try {
        long a = l.unscaled[i];
        long b = r.unscaled[i];
        long exact = switch (op) {
          case ADD -> Math.addExact(upscale(a, exactScale - s1), upscale(b, exactScale - s2));
          case SUBTRACT -> Math.subtractExact(upscale(a, exactScale - s1), upscale(b, exactScale - s2));
          case MULTIPLY -> Math.multiplyExact(a, b);
          default -> remainder(upscale(a, exactScale - s1), upscale(b, exactScale - s2), out, i, ansi);
        };
        if (!out.nulls[i]) {
          store(out, i, rescale(exact, exactScale, resultType.scale()), resultType, ansi);
        }
        return;
      } catch (ArithmeticException overflow) {
        out.nulls[i] = false;
        // Redo this row with BigDecimal below.
      }
    }
    slow(op, l.getDecimal(i), r.getDecimal(i), out, i, resultType, ansi);
  }

  private static long remainder(long a, long b, DecimalColumnVector out, int i, boolean ansi) {
    if (b == 0) {
      divideByZero(ansi);
      out.nulls[i] = true;
      return 0;
    }
    return a % b;
  }

  private static void slow(ArithmeticOperator op, BigDecimal a, BigDecimal b, DecimalColumnVector out, int i,
      DecimalType type, boolean ansi) {
    BigDecimal result;
    switch (op) {
      case ADD -> result = a.add(b);
      case SUBTRACT -> result = a.subtract(b);
      case MULTIPLY -> result = a.multiply(b);
      default -> {
        if (b.signum() == 0) {
          divideByZero(ansi);
          out.nulls[i] = true;
          return;
        }
        result = op == ArithmeticOperator.DIVIDE ? a.divide(b, type.scale(), RoundingMode.HALF_UP)
            : a.remainder(b);
      }
    }
    storeDecimal(out, i, result, type, ansi);
  }

  /** {@code v * 10^digits}, exactly (throws ArithmeticException on overflow). */
  static long upscale(long v, int digits) {
    return digits == 0 ? v : Math.multiplyExact(v, digits < POW10.length ? POW10[digits] : Long.MAX_VALUE);
  }

  /** An unscaled value of scale {@code from} at scale {@code to}, rounding HALF_UP. */
  static long rescale(long v, int from, int to) {
    if (from == to) {
      return v;
    }
    if (to > from) {
      return upscale(v, to - from);
    }
    int digits = from - to;
    if (digits >= POW10.length) {
      return 0;
    }
    long divisor = POW10[digits];
    long quotient = v / divisor;
    long remainder = Math.abs(v % divisor);
    if (remainder * 2 >= divisor) {
      quotient += v < 0 ? -1 : 1;
    }
    return quotient;
  }

  private static void store(DecimalColumnVector out, int i, long unscaled, DecimalType type, boolean ansi) {
    int p = type.precision();
    if (p < POW10.length && (unscaled >= POW10[p] || unscaled <= -POW10[p])) {
      overflow(out, i, BigDecimal.valueOf(unscaled, type.scale()), type, ansi);
      return;
    }
    out.setUnscaled(i, unscaled);
  }

  /** Stores {@code value} rounded HALF_UP to the type's scale, or NULL (error in ANSI) when it overflows. */
  static void storeDecimal(DecimalColumnVector out, int i, BigDecimal value, DecimalType type, boolean ansi) {
    BigDecimal rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
    if (!fits(rounded, type)) {
      overflow(out, i, rounded, type, ansi);
      return;
    }
    out.setDecimal(i, rounded);
  }

  /** Whether {@code value} (already at the type's scale) has at most the type's precision in digits. */
  static boolean fits(BigDecimal value, DecimalType type) {
    BigInteger digits = value.unscaledValue().abs();
    return digits.bitLength() < 63 && type.precision() < POW10.length
        ? digits.longValue() < POW10[type.precision()]
        : digits.compareTo(BigInteger.TEN.pow(type.precision())) < 0;
  }

  private static void overflow(DecimalColumnVector out, int i, BigDecimal value, DecimalType type, boolean ansi) {
    if (ansi) {
      throw new SqlExecutionException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", Map.of("value",
          value.toPlainString(), "precision", String.valueOf(type.precision()), "scale",
          String.valueOf(type.scale()), "config", "\"spark.sql.ansi.enabled\""));
    }
    out.nulls[i] = true;
  }

  static void divideByZero(boolean ansi) {
    if (ansi) {
      throw new SqlExecutionException("DIVIDE_BY_ZERO", Map.of("config", "\"spark.sql.ansi.enabled\""));
    }
  }

  static DecimalColumnVector negate(DecimalColumnVector v, int n) {
    DecimalColumnVector out = new DecimalColumnVector((DecimalType) v.dataType(), n);
    for (int i = 0; i < n; i++) {
      if (v.nulls[i]) {
        out.nulls[i] = true;
      } else if (v.isCompact(i) && v.unscaled[i] != Long.MIN_VALUE) {
        out.setUnscaled(i, -v.unscaled[i]);
      } else {
        out.setDecimal(i, v.getDecimal(i).negate());
      }
    }
    return out;
  }
}
