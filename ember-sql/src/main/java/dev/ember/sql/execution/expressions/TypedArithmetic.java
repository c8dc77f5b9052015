package dev.ember.sql.execution.expressions;

import dev.ember.sql.SqlExecutionException;
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
import java.util.Map;

/**
 * Arithmetic for every numeric type: decimals through {@link DecimalKernels}; tinyint and smallint through the
 * int kernels, then wrapped to 8 or 16 bits; float through the double kernels, then rounded to float; in ANSI
 * mode integral overflow and division by zero raise errors instead of wrapping or giving NULL.
 */
final class TypedArithmetic {

  private TypedArithmetic() {}

  static ColumnVector apply(BinaryArithmetic a, ColumnVector left, ColumnVector right, int n) {
    DataType type = a.dataType();
    ArithmeticOperator op = a.operator();
    if (left instanceof DecimalColumnVector l && right instanceof DecimalColumnVector r) {
      return DecimalKernels.apply(op, l, r, (DecimalType) type, a.ansi(), n);
    }
    if (a.ansi() && left instanceof LongColumnVector l && right instanceof LongColumnVector r) {
      return exactLongs(op, l, r, n);
    }
    if (a.ansi() && left instanceof IntColumnVector l && right instanceof IntColumnVector r) {
      ColumnVector wide = exactLongs(op, widen(l, n), widen(r, n), n);
      return narrow(wide, type, true, n);
    }
    ColumnVector out = ArithmeticKernels.apply(op, left, right, n);
    return narrow(out, type, false, n);
  }

  static ColumnVector negate(ColumnVector v, int n) {
    if (v instanceof DecimalColumnVector d) {
      return DecimalKernels.negate(d, n);
    }
    return narrow(ArithmeticKernels.negate(v, n), v.dataType(), false, n);
  }

  private static LongColumnVector widen(IntColumnVector v, int n) {
    LongColumnVector out = new LongColumnVector(DataTypes.LongType, n);
    System.arraycopy(v.nulls, 0, out.nulls, 0, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = v.values[i];
    }
    return out;
  }

  private static LongColumnVector exactLongs(ArithmeticOperator op, LongColumnVector l, LongColumnVector r,
      int n) {
    LongColumnVector out = new LongColumnVector(DataTypes.LongType, n);
    for (int i = 0; i < n; i++) {
      out.nulls[i] = l.nulls[i] | r.nulls[i];
      if (out.nulls[i]) {
        continue;
      }
      long a = l.values[i];
      long b = r.values[i];
      try {
        out.values[i] = switch (op) {
          case ADD -> Math.addExact(a, b);
          case SUBTRACT -> Math.subtractExact(a, b);
          case MULTIPLY -> Math.multiplyExact(a, b);
          default -> {
            if (b == 0) {
              DecimalKernels.divideByZero(true);
            }
            yield op == ArithmeticOperator.REMAINDER ? a % b : a / b;
          }
        };
      } catch (ArithmeticException e) {
        throw overflow("long overflow", op);
      }
    }
    return out;
  }

  /** {@code v} as {@code type}: ints narrowed to tinyint/smallint/int, doubles rounded to float. */
  static ColumnVector narrow(ColumnVector v, DataType type, boolean ansi, int n) {
    if (v.dataType().equals(type)) {
      return v;
    }
    if (v instanceof LongColumnVector in && (type == DataTypes.IntegerType || type == DataTypes.ShortType
        || type == DataTypes.ByteType)) {
      IntColumnVector out = new IntColumnVector(type, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      for (int i = 0; i < n; i++) {
        long x = in.values[i];
        out.values[i] = wrap((int) x, type);
        if (ansi && !v.nulls[i] && out.values[i] != x) {
          throw overflow((type == DataTypes.IntegerType ? "integer" : type.simpleString()) + " overflow", null);
        }
      }
      return out;
    }
    if (v instanceof IntColumnVector in && (type == DataTypes.ShortType || type == DataTypes.ByteType)) {
      IntColumnVector out = new IntColumnVector(type, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = wrap(in.values[i], type);
      }
      return out;
    }
    if (v instanceof DoubleColumnVector in && type == DataTypes.FloatType) {
      DoubleColumnVector out = new DoubleColumnVector(type, n);
      System.arraycopy(v.nulls, 0, out.nulls, 0, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = (float) in.values[i];
      }
      return out;
    }
    return v;
  }

  private static int wrap(int x, DataType type) {
    if (type == DataTypes.ByteType) {
      return (byte) x;
    }
    return type == DataTypes.ShortType ? (short) x : x;
  }

  private static SqlExecutionException overflow(String message, ArithmeticOperator op) {
    String alternative = op == null ? "" : " Use 'try_" + switch (op) {
      case ADD -> "add";
      case SUBTRACT -> "subtract";
      case MULTIPLY -> "multiply";
      default -> "divide";
    } + "' to tolerate overflow and return NULL instead.";
    return new SqlExecutionException("ARITHMETIC_OVERFLOW", Map.of("message", message, "alternative",
        alternative, "config", "\"spark.sql.ansi.enabled\""));
  }
}
