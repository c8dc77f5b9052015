package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataTypes;

/** String predicates over vectors. */
final class StringKernels {

  private StringKernels() {}

  /** {@code input LIKE pattern}, with the pattern compiled once; a NULL pattern gives NULL. */
  static BooleanColumnVector like(ColumnVector input, LikeMatcher pattern, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    if (pattern == null || !(input instanceof StringColumnVector strings)) {
      java.util.Arrays.fill(out.nulls, 0, n, true);
      return out;
    }
    for (int i = 0; i < n; i++) {
      if (strings.nulls[i]) {
        out.nulls[i] = true;
      } else {
        out.values[i] = pattern.matches(strings.values[i]);
      }
    }
    return out;
  }

  /** {@code input LIKE pattern} with a pattern per row; consecutive equal patterns are compiled once. */
  static BooleanColumnVector like(ColumnVector input, ColumnVector patterns, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    if (!(input instanceof StringColumnVector strings) || !(patterns instanceof StringColumnVector texts)) {
      java.util.Arrays.fill(out.nulls, 0, n, true);
      return out;
    }
    String lastText = null;
    LikeMatcher last = null;
    for (int i = 0; i < n; i++) {
      if (strings.nulls[i] || texts.nulls[i]) {
        out.nulls[i] = true;
        continue;
      }
      if (!texts.values[i].equals(lastText)) {
        lastText = texts.values[i];
        last = LikeMatcher.of(lastText);
      }
      out.values[i] = last.matches(strings.values[i]);
    }
    return out;
  }
}
