package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.types.DataTypes;

/**
 * Comparisons of two int, bigint or date columns, or two compact decimal columns of one scale (q12's
 * {@code l_commitdate < l_receiptdate}): one loop per operator that writes the answer directly, instead of
 * an array of three-way results and a second pass over it. A row is NULL when either side is. Other types,
 * and {@code <=>}, are left to {@link ComparisonKernels} ({@link #compare} returns null).
 */
final class ColumnComparisonKernels {

  private ColumnComparisonKernels() {}

  /** {@code left op right} for every row, or null when this kernel does not apply. */
  static BooleanColumnVector compare(ComparisonOperator op, ColumnVector left, ColumnVector right, int n) {
    if (op == ComparisonOperator.NULL_SAFE_EQUAL) {
      return null;
    }
    if (left instanceof IntColumnVector l && right instanceof IntColumnVector r) {
      BooleanColumnVector out = withNulls(left, right, n);
      ints(op, l.values, r.values, out.values, n);
      return out;
    }
    if (left instanceof LongColumnVector l && right instanceof LongColumnVector r) {
      BooleanColumnVector out = withNulls(left, right, n);
      longs(op, l.values, r.values, out.values, n);
      return out;
    }
    if (left instanceof DecimalColumnVector l && right instanceof DecimalColumnVector r
        && !l.hasWideValues() && !r.hasWideValues() && l.scale() == r.scale()) {
      BooleanColumnVector out = withNulls(left, right, n);
      longs(op, l.unscaled, r.unscaled, out.values, n);
      return out;
    }
    return null;
  }

  private static BooleanColumnVector withNulls(ColumnVector left, ColumnVector right, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    boolean[] o = out.nulls;
    boolean[] a = left.nulls;
    boolean[] b = right.nulls;
    for (int i = 0; i < n; i++) {
      o[i] = a[i] | b[i];
    }
    return out;
  }

  private static void ints(ComparisonOperator op, int[] a, int[] b, boolean[] o, int n) {
    switch (op) {
      case EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] == b[i];
        }
      }
      case NOT_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] != b[i];
        }
      }
      case LESS_THAN -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] < b[i];
        }
      }
      case LESS_THAN_OR_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] <= b[i];
        }
      }
      case GREATER_THAN -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] > b[i];
        }
      }
      case GREATER_THAN_OR_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] >= b[i];
        }
      }
      default -> throw new IllegalStateException("unknown operator " + op);
    }
  }

  private static void longs(ComparisonOperator op, long[] a, long[] b, boolean[] o, int n) {
    switch (op) {
      case EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] == b[i];
        }
      }
      case NOT_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] != b[i];
        }
      }
      case LESS_THAN -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] < b[i];
        }
      }
      case LESS_THAN_OR_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] <= b[i];
        }
      }
      case GREATER_THAN -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] > b[i];
        }
      }
      case GREATER_THAN_OR_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = a[i] >= b[i];
        }
      }
      default -> throw new IllegalStateException("unknown operator " + op);
    }
  }
}
