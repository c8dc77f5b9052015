package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import java.util.Map;

/** coalesce (nvl, ifnull) and nvl2: each row copies the first non-NULL candidate; and typeof. */
final class NullKernels {

  private NullKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    // typeof(x) depends only on x's type, which the function carries.
    k.put("typeof", (f, a, n) -> ColumnVectors.constant(f.dataType(), f.arguments().get(0).dataType().simpleString(),
        n));
    k.put("coalesce", (f, a, n) -> {
      ColumnVector out = ColumnVectors.allocate(f.dataType(), n);
      for (int i = 0; i < n; i++) {
        out.nulls[i] = true;
        for (ColumnVector candidate : a) {
          if (!candidate.nulls[i]) {
            out.copyFrom(i, candidate, i);
            break;
          }
        }
      }
      return out;
    });
    k.put("nvl2", (f, a, n) -> {
      ColumnVector out = ColumnVectors.allocate(f.dataType(), n);
      for (int i = 0; i < n; i++) {
        out.copyFrom(i, a[0].nulls[i] ? a[2] : a[1], i);
      }
      return out;
    });
  }
}
