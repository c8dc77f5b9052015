package dev.ember.sql.execution.expressions;

import dev.ember.TaskContext;
import dev.ember.sql.execution.datasources.InputFileBlock;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kernels of the functions whose value depends on the task evaluating the row: {@code spark_partition_id()},
 * {@code monotonically_increasing_id()}, {@code input_file_name()}, {@code input_file_block_start()},
 * {@code input_file_block_length()} and {@code uuid()}. The partition comes from the executor's
 * {@link TaskContext} (partition 0 when no task runs, as when the driver evaluates a batch itself); the row
 * counter of {@code monotonically_increasing_id()} lives for the task and advances across its batches, one
 * counter per call site (the bound expression instance), as Spark keeps one per expression.
 */
final class PartitionKernels {

  /** The row counters of the task running on this thread, by call site. */
  private static final ThreadLocal<Counters> COUNTERS = new ThreadLocal<>();

  private record Counters(TaskContext owner, Map<ScalarFunction, long[]> next) {}

  private PartitionKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("spark_partition_id", (f, a, n) -> ColumnVectors.constant(DataTypes.IntegerType, partitionId(), n));
    k.put("monotonically_increasing_id", PartitionKernels::monotonicallyIncreasingId);
    k.put("input_file_name", (f, a, n) -> ColumnVectors.constant(DataTypes.StringType,
        InputFileBlock.fileName(), n));
    k.put("input_file_block_start", (f, a, n) -> ColumnVectors.constant(DataTypes.LongType,
        InputFileBlock.start(), n));
    k.put("input_file_block_length", (f, a, n) -> ColumnVectors.constant(DataTypes.LongType,
        InputFileBlock.length(), n));
    k.put("uuid", PartitionKernels::uuid);
  }

  private static int partitionId() {
    TaskContext context = TaskContext.get();
    return context == null ? 0 : context.partitionId();
  }

  /** {@code (partitionId << 33) + rowIndex}, the row index counting every row this call site saw in the task. */
  private static ColumnVector monotonicallyIncreasingId(ScalarFunction f, ColumnVector[] a, int n) {
    TaskContext context = TaskContext.get();
    Counters counters = COUNTERS.get();
    if (counters == null || counters.owner() != context) {
      counters = new Counters(context, new IdentityHashMap<>());
      COUNTERS.set(counters);
    }
    long[] next = counters.next().computeIfAbsent(f, x -> new long[1]);
    long base = ((long) partitionId() << 33) + next[0];
    next[0] += n;
    LongColumnVector out = new LongColumnVector(DataTypes.LongType, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = base + i;
    }
    return out;
  }

  /** A random (version 4, IETF variant) UUID per row, drawn afresh for every row rather than from a seed. */
  private static ColumnVector uuid(ScalarFunction f, ColumnVector[] a, int n) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringColumnVector out = new StringColumnVector(DataTypes.StringType, n);
    for (int i = 0; i < n; i++) {
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      out.values[i] = new UUID(high, low).toString();
    }
    return out;
  }
}
