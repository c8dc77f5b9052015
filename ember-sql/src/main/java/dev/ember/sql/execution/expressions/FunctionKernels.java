package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.plan.expressions.ScalarFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * The vectorized kernels of the built-in scalar functions, by name. A kernel takes the function (for its
 * result type and session settings) and its evaluated arguments and loops over the arrays; the lookup by
 * name happens once per batch.
 */
public final class FunctionKernels {

  /** One function's vectorized implementation. */
  interface Kernel {
    /** The function's value for the first {@code n} rows of {@code arguments}. */
    ColumnVector apply(ScalarFunction f, ColumnVector[] arguments, int n);
  }

  private static final Map<String, Kernel> KERNELS = new HashMap<>();

  static {
    DateTimeKernels.register(KERNELS);
    StringFunctionKernels.register(KERNELS);
    MathKernels.register(KERNELS);
    NullKernels.register(KERNELS);
    CollectionKernels.register(KERNELS);
    PartitionKernels.register(KERNELS);
  }

  private FunctionKernels() {}

  /** Whether a kernel named {@code name} exists. */
  public static boolean exists(String name) {
    return KERNELS.containsKey(name);
  }

  static ColumnVector evaluate(ScalarFunction f, ColumnVector[] arguments, int n) {
    Kernel kernel = KERNELS.get(f.name());
    if (kernel == null) {
      throw new IllegalStateException("no kernel for function " + f.name() + "; this is a bug");
    }
    return kernel.apply(f, arguments, n);
  }
}
