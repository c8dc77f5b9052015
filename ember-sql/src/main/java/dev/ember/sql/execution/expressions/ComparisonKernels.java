package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.types.DataTypes;

/**
 * Comparisons of two vectors of one type: first the three-way comparison of every row into an int array,
 * then the operator applied to it in a second loop, so neither loop branches on the operator per row.
 */
final class ComparisonKernels {

  private ComparisonKernels() {}

  static BooleanColumnVector compare(ComparisonOperator op, ColumnVector left, ColumnVector right, int n) {
    BooleanColumnVector direct = ColumnComparisonKernels.compare(op, left, right, n);
    if (direct != null) {
      return direct;
    }
    int[] cmp = new int[n];
    if (left instanceof IntColumnVector l && right instanceof IntColumnVector r) {
      for (int i = 0; i < n; i++) {
        cmp[i] = Integer.compare(l.values[i], r.values[i]);
      }
    } else if (left instanceof LongColumnVector l && right instanceof LongColumnVector r) {
      for (int i = 0; i < n; i++) {
        cmp[i] = Long.compare(l.values[i], r.values[i]);
      }
    } else if (left instanceof DoubleColumnVector l && right instanceof DoubleColumnVector r) {
      for (int i = 0; i < n; i++) {
        cmp[i] = Double.compare(l.values[i], r.values[i]);
      }
    } else if (left instanceof DecimalColumnVector l && right instanceof DecimalColumnVector r) {
      boolean compact = !l.hasWideValues() && !r.hasWideValues() && l.scale() == r.scale();
      for (int i = 0; i < n; i++) {
        if (compact) {
          cmp[i] = Long.compare(l.unscaled[i], r.unscaled[i]);
        } else if (!l.nulls[i] && !r.nulls[i]) {
          cmp[i] = l.getDecimal(i).compareTo(r.getDecimal(i));
        }
      }
    } else if (left instanceof StringColumnVector l && right instanceof StringColumnVector r) {
      for (int i = 0; i < n; i++) {
        if (!l.nulls[i] && !r.nulls[i]) {
          cmp[i] = l.values[i].compareTo(r.values[i]);
        }
      }
    } else if (left instanceof BooleanColumnVector l && right instanceof BooleanColumnVector r
        && left.dataType() != DataTypes.NullType && right.dataType() != DataTypes.NullType) {
      for (int i = 0; i < n; i++) {
        cmp[i] = Boolean.compare(l.values[i], r.values[i]);
      }
    } else if (left.dataType().equals(right.dataType()) && left.dataType() != DataTypes.NullType) {
      // Binary, arrays and structs: compared as ORDER BY orders them (bytes unsigned, element by element).
      for (int i = 0; i < n; i++) {
        if (!left.nulls[i] && !right.nulls[i]) {
          cmp[i] = ValueOrdering.compare(left.getBoxed(i), right.getBoxed(i));
        }
      }
    } else if (left.dataType() != DataTypes.NullType && right.dataType() != DataTypes.NullType) {
      throw new IllegalStateException("comparison of " + left.dataType().simpleString() + " and "
          + right.dataType().simpleString() + " reached execution uncoerced; this is a bug");
    }
    return decide(op, cmp, left, right, n);
  }

  private static BooleanColumnVector decide(ComparisonOperator op, int[] cmp, ColumnVector left,
      ColumnVector right, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    boolean[] o = out.values;
    switch (op) {
      case EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = cmp[i] == 0;
        }
      }
      case NOT_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = cmp[i] != 0;
        }
      }
      case LESS_THAN -> {
        for (int i = 0; i < n; i++) {
          o[i] = cmp[i] < 0;
        }
      }
      case LESS_THAN_OR_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = cmp[i] <= 0;
        }
      }
      case GREATER_THAN -> {
        for (int i = 0; i < n; i++) {
          o[i] = cmp[i] > 0;
        }
      }
      case GREATER_THAN_OR_EQUAL -> {
        for (int i = 0; i < n; i++) {
          o[i] = cmp[i] >= 0;
        }
      }
      case NULL_SAFE_EQUAL -> {
        for (int i = 0; i < n; i++) {
          boolean ln = left.nulls[i];
          boolean rn = right.nulls[i];
          o[i] = ln || rn ? ln && rn : cmp[i] == 0;
        }
        return out;
      }
      default -> throw new IllegalStateException("unknown operator " + op);
    }
    for (int i = 0; i < n; i++) {
      out.nulls[i] = left.nulls[i] | right.nulls[i];
    }
    return out;
  }
}
