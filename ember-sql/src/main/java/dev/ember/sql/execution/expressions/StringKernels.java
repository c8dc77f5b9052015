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

  /** {@code input LIKE pattern} with a pattern per row; consecutive equal patterns are compiled once. */
  static BooleanColumnVector like(ColumnVector input, ColumnVector patterns, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    if (!(input instanceof StringColumnVector strings) || !(patterns instanceof StringColumnVector texts)) {
      java.util.Arrays.fill(out.nulls, 0, n, true);
      return out;
    }
    String lastText = null;
    Pattern last = null;
    for (int i = 0; i < n; i++) {
      if (strings.nulls[i] || texts.nulls[i]) {
        out.nulls[i] = true;
        continue;
      }
      if (!texts.values[i].equals(lastText)) {
        lastText = texts.values[i];
        last = Pattern.compile(dev.ember.sql.plan.expressions.Like.toRegex(lastText), Pattern.DOTALL);
      }
      out.values[i] = last.matcher(strings.values[i]).matches();
    }
    return out;
  }
}
