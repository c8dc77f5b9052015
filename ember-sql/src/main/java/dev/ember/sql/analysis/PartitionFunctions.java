package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The functions whose value depends on the task evaluating a row rather than on the row's columns:
 * {@code spark_partition_id()}, {@code monotonically_increasing_id()}, {@code input_file_name()},
 * {@code input_file_block_start()}, {@code input_file_block_length()} and {@code uuid()}. None takes an
 * argument; all are nondeterministic, so they are never folded, copied or moved below a filter.
 */
final class PartitionFunctions {

  private PartitionFunctions() {}

  static void register(Map<String, Function<FunctionArguments, Expression>> b) {
    noArguments(b, "spark_partition_id", DataTypes.IntegerType);
    noArguments(b, "monotonically_increasing_id", DataTypes.LongType);
    noArguments(b, "input_file_name", DataTypes.StringType);
    noArguments(b, "input_file_block_start", DataTypes.LongType);
    noArguments(b, "input_file_block_length", DataTypes.LongType);
    noArguments(b, "uuid", DataTypes.StringType);
  }

  private static void noArguments(Map<String, Function<FunctionArguments, Expression>> b, String name,
      DataType type) {
    b.put(name, a -> {
      a.count(0, 0);
      return new ScalarFunction(name, List.of(), type);
    });
  }
}
