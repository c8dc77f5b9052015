package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataTypes;
import java.util.regex.Pattern;

/** String predicates over vectors. */
final class StringKernels {

  private StringKernels() {}

  /** {@code input LIKE pattern}, with the pattern compiled once; a NULL pattern gives NULL. */
  static BooleanColumnVector like(ColumnVector input, Pattern pattern, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    if (pattern == null || !(input instanceof StringColumnVector strings)) {
      java.util.Arrays.fill(out.nulls, 0, n, true);
      return out;
    }
    for (int i = 0; i < n; i++) {
      if (strings.nulls[i]) {
        out.nulls[i] = true;
      } else {
        out.values[i] = pattern.matcher(strings.values[i]).matches();
      }
    }
    return out;
  }
}
