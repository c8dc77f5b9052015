package dev.ember.sql.execution.expressions;

import static dev.ember.sql.execution.expressions.KernelSupport.allocateWithNulls;
import static dev.ember.sql.execution.expressions.KernelSupport.doubles;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Math kernels with Spark's semantics: round is HALF_UP and bround HALF_EVEN (computed on the decimal text of
 * a double, as Spark does), logarithms of non-positive numbers are NULL, floor and ceil of doubles are bigint.
 */
final class MathKernels {

  private MathKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("sqrt", (f, a, n) -> unary(a[0], n, Math::sqrt, false));
    k.put("exp", (f, a, n) -> unary(a[0], n, Math::exp, false));
    k.put("ln", (f, a, n) -> unary(a[0], n, Math::log, true));
    k.put("log10", (f, a, n) -> unary(a[0], n, Math::log10, true));
    k.put("log2", (f, a, n) -> unary(a[0], n, x -> Math.log(x) / Math.log(2), true));
    k.put("signum", (f, a, n) -> unary(a[0], n, Math::signum, false));
    k.put("log", (f, a, n) -> {
      DoubleColumnVector out = (DoubleColumnVector) binary(a, n, (b, x) -> Math.log(x) / Math.log(b));
      double[] base = doubles(a[0]);
      double[] x = doubles(a[1]);
      for (int i = 0; i < n; i++) {
        out.nulls[i] |= base[i] <= 0 || x[i] <= 0;
      }
      return out;
    });
    k.put("pow", (f, a, n) -> binary(a, n, Math::pow));
    k.put("nanvl", (f, a, n) -> {
      DoubleColumnVector out = new DoubleColumnVector(DataTypes.DoubleType, n);
      double[] x = doubles(a[0]);
      double[] y = doubles(a[1]);
      for (int i = 0; i < n; i++) {
        boolean useSecond = !a[0].nulls[i] && Double.isNaN(x[i]);
        out.nulls[i] = useSecond ? a[1].nulls[i] : a[0].nulls[i];
        out.values[i] = useSecond ? y[i] : x[i];
      }
      return out;
    });
    k.put("abs", MathKernels::abs);
    k.put("round", (f, a, n) -> round(f, a, n, RoundingMode.HALF_UP));
    k.put("bround", (f, a, n) -> round(f, a, n, RoundingMode.HALF_EVEN));
    k.put("floor", (f, a, n) -> floorOrCeil(f, a[0], n, RoundingMode.FLOOR));
    k.put("ceil", (f, a, n) -> floorOrCeil(f, a[0], n, RoundingMode.CEILING));
    k.put("pmod", MathKernels::pmod);
    k.put("greatest", (f, a, n) -> extreme(f.dataType(), a, n, true));
    k.put("least", (f, a, n) -> extreme(f.dataType(), a, n, false));
    k.put("rand", MathKernels::rand);
  }

  private static ColumnVector unary(ColumnVector input, int n, DoubleUnaryOperator op, boolean positiveOnly) {
    DoubleColumnVector out = (DoubleColumnVector) allocateWithNulls(DataTypes.DoubleType,
        new ColumnVector[] {input}, n);
    double[] in = doubles(input);
    for (int i = 0; i < n; i++) {
      if (positiveOnly && in[i] <= 0) {
        out.nulls[i] = true;
      } else {
        out.values[i] = op.applyAsDouble(in[i]);
      }
    }
    return out;
  }

  private static ColumnVector binary(ColumnVector[] a, int n, DoubleBinaryOperator op) {
    DoubleColumnVector out = (DoubleColumnVector) allocateWithNulls(DataTypes.DoubleType, a, n);
    double[] x = doubles(a[0]);
    double[] y = doubles(a[1]);
    for (int i = 0; i < n; i++) {
      out.values[i] = op.applyAsDouble(x[i], y[i]);
    }
    return out;
  }

  private static ColumnVector abs(ScalarFunction f, ColumnVector[] a, int n) {
    ColumnVector in = a[0];
    if (in instanceof DecimalColumnVector d) {
      DecimalColumnVector out = new DecimalColumnVector((DecimalType) d.dataType(), n);
      for (int i = 0; i < n; i++) {
        out.setBoxed(i, d.isNull(i) ? null : d.getDecimal(i).abs());
      }
      return out;
    }
    return boxedNumeric(f.dataType(), a, n, x -> x instanceof Double v ? (Object) Math.abs(v)
        : x instanceof Long v ? (Object) Math.abs(v) : (Object) Math.abs((Integer) x));
  }

  private static ColumnVector boxedNumeric(DataType type, ColumnVector[] a, int n,
      java.util.function.UnaryOperator<Object> op) {
    return TypedArithmetic.narrow(KernelSupport.boxed(widened(type), a, n, row -> op.apply(row[0])), type, false,
        n);
  }

  private static DataType widened(DataType type) {
    return type == DataTypes.ByteType || type == DataTypes.ShortType ? DataTypes.IntegerType
        : type == DataTypes.FloatType ? DataTypes.DoubleType : type;
  }

  private static ColumnVector round(ScalarFunction f, ColumnVector[] a, int n, RoundingMode mode) {
    DataType type = f.dataType();
    return KernelSupport.boxed(type, a, n, row -> {
      int scale = (Integer) row[1];
      Object x = row[0];
      if (x instanceof Double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return d;
        }
        double rounded = BigDecimal.valueOf(d).setScale(scale, mode).doubleValue();
        return type == DataTypes.FloatType ? (double) (float) rounded : rounded;
      }
      if (x instanceof BigDecimal d) {
        BigDecimal rounded = d.setScale(scale, mode);
        DecimalType t = (DecimalType) type;
        return rounded.setScale(t.scale(), RoundingMode.UNNECESSARY);
      }
      long v = ((Number) x).longValue();
      if (scale >= 0) {
        return x;
      }
      long r = BigDecimal.valueOf(v).setScale(scale, mode).longValue();
      return x instanceof Long ? (Object) r : (Object) (int) r;
    });
  }

  private static ColumnVector floorOrCeil(ScalarFunction f, ColumnVector in, int n, RoundingMode mode) {
    if (in instanceof DoubleColumnVector d) {
      LongColumnVector out = (LongColumnVector) allocateWithNulls(DataTypes.LongType, new ColumnVector[] {in}, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = (long) (mode == RoundingMode.FLOOR ? Math.floor(d.values[i]) : Math.ceil(d.values[i]));
      }
      return out;
    }
    if (in instanceof DecimalColumnVector d) {
      DecimalColumnVector out = new DecimalColumnVector((DecimalType) f.dataType(), n);
      for (int i = 0; i < n; i++) {
        out.setBoxed(i, d.isNull(i) ? null : d.getDecimal(i).setScale(0, mode));
      }
      return out;
    }
    return CastKernels.cast(in, DataTypes.LongType, n);
  }

  private static ColumnVector pmod(ScalarFunction f, ColumnVector[] a, int n) {
    return KernelSupport.boxed(f.dataType(), a, n, row -> {
      Object x = row[0];
      Object y = row[1];
      if (x instanceof Double p) {
        double m = (Double) y;
        return m == 0 ? null : ((p % m) + m) % m;
      }
      if (x instanceof BigDecimal p) {
        BigDecimal m = (BigDecimal) y;
        return m.signum() == 0 ? null : p.remainder(m).add(m).remainder(m);
      }
      long p = ((Number) x).longValue();
      long m = ((Number) y).longValue();
      if (m == 0) {
        return null;
      }
      long r = ((p % m) + m) % m;
      return x instanceof Long ? (Object) r : (Object) (int) r;
    });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ColumnVector extreme(DataType type, ColumnVector[] a, int n, boolean greatest) {
    ColumnVector out = dev.ember.sql.execution.vector.ColumnVectors.allocate(type, n);
    for (int i = 0; i < n; i++) {
      Comparable best = null;
      for (ColumnVector column : a) {
        Comparable v = (Comparable) column.getBoxed(i);
        if (v != null && (best == null || (greatest ? v.compareTo(best) > 0 : v.compareTo(best) < 0))) {
          best = v;
        }
      }
      out.setBoxed(i, best);
    }
    return out;
  }

  /** rand(seed): uniform in [0, 1); each batch draws from a generator seeded by the seed and its first value. */
  private static ColumnVector rand(ScalarFunction f, ColumnVector[] a, int n) {
    long seed = a.length == 0 || a[0].nulls.length == 0 || a[0].isNull(0) ? 0L
        : ((Number) a[0].getBoxed(0)).longValue();
    SplittableRandom random = new SplittableRandom(seed);
    DoubleColumnVector out = new DoubleColumnVector(DataTypes.DoubleType, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = random.nextDouble();
    }
    return out;
  }
}
