package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.Max;
import dev.ember.sql.plan.expressions.Min;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * How one aggregate function computes in two phases: a buffer of one or more slots in a group's
 * {@code Object[]}, updated from input rows (partial), merged from other buffers (final), and turned into
 * the result.
 */
interface AggregateEvaluator extends Serializable {

  /** The types of the buffer slots, as the partial aggregate's output columns. */
  List<DataType> bufferTypes();

  /** Sets the slots from {@code offset} to the empty state. */
  void initialize(Object[] buffer, int offset);

  /** Adds row {@code row} of the function's evaluated input. */
  void update(Object[] buffer, int offset, ColumnVector input, int row);

  /** Merges the buffer stored in columns {@code column...} of row {@code row} of a partial batch. */
  void merge(Object[] buffer, int offset, ColumnarBatch partial, int column, int row);

  /** The function's value for the buffer. */
  Object result(Object[] buffer, int offset);

  /** The evaluator for {@code function}. */
  static AggregateEvaluator of(AggregateFunction function) {
    if (function instanceof Count) {
      return new CountEvaluator();
    }
    if (function instanceof Sum sum) {
      return new SumEvaluator(sum.dataType());
    }
    if (function instanceof Average) {
      return new AverageEvaluator();
    }
    if (function instanceof Min min) {
      return new ExtremumEvaluator(min.dataType(), false);
    }
    if (function instanceof Max max) {
      return new ExtremumEvaluator(max.dataType(), true);
    }
    throw new IllegalStateException("no evaluator for aggregate " + function.sql() + "; this is a bug");
  }
}
