package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.types.DataTypes;

/** SQL's three-valued AND, OR, NOT and the null tests, over boolean vectors. */
final class LogicKernels {

  private LogicKernels() {}

  static BooleanColumnVector allFalse(int n) {
    return new BooleanColumnVector(DataTypes.BooleanType, n);
  }

  /** FALSE if either side is FALSE, else NULL if either is NULL, else TRUE. */
  static BooleanColumnVector and(BooleanColumnVector l, BooleanColumnVector r, int n) {
    BooleanColumnVector out = allFalse(n);
    for (int i = 0; i < n; i++) {
      boolean lFalse = !l.nulls[i] && !l.values[i];
      boolean rFalse = !r.nulls[i] && !r.values[i];
      boolean anyNull = l.nulls[i] | r.nulls[i];
      out.values[i] = !(lFalse | rFalse) & !anyNull;
      out.nulls[i] = !(lFalse | rFalse) & anyNull;
    }
    return out;
  }

  /** TRUE if either side is TRUE, else NULL if either is NULL, else FALSE. */
  static BooleanColumnVector or(BooleanColumnVector l, BooleanColumnVector r, int n) {
    BooleanColumnVector out = allFalse(n);
    for (int i = 0; i < n; i++) {
      boolean lTrue = !l.nulls[i] && l.values[i];
      boolean rTrue = !r.nulls[i] && r.values[i];
      boolean anyNull = l.nulls[i] | r.nulls[i];
      out.values[i] = lTrue | rTrue;
      out.nulls[i] = !(lTrue | rTrue) & anyNull;
    }
    return out;
  }

  static BooleanColumnVector not(BooleanColumnVector v, int n) {
    BooleanColumnVector out = allFalse(n);
    for (int i = 0; i < n; i++) {
      out.values[i] = !v.values[i];
      out.nulls[i] = v.nulls[i];
    }
    return out;
  }

  static BooleanColumnVector isNull(ColumnVector v, int n, boolean wantNull) {
    BooleanColumnVector out = allFalse(n);
    for (int i = 0; i < n; i++) {
      out.values[i] = v.nulls[i] == wantNull;
    }
    return out;
  }
}
