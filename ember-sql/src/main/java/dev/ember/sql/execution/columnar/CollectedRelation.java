package dev.ember.sql.execution.columnar;

import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.SizedRelation;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/**
 * A subplan already run for this query, whose batches the driver holds: in the plan where the subplan was, so
 * it is not run again (a runtime join filter's creation side that is also a side of a join). Its size is the
 * rows it holds, so join planning above it judges by what the subplan produced rather than by an estimate.
 *
 * @param output the subplan's columns
 * @param batches the subplan's batches, on the driver
 * @param rows the rows of the batches
 */
public record CollectedRelation(List<AttributeReference> output, List<ColumnarBatch> batches, long rows)
    implements SizedRelation {

  /** Copies the lists. */
  public CollectedRelation {
    output = List.copyOf(output);
    batches = List.copyOf(batches);
  }

  /** The relation of {@code batches}, whose columns are {@code output}. */
  public static CollectedRelation of(List<AttributeReference> output, List<ColumnarBatch> batches) {
    long rows = 0;
    for (ColumnarBatch batch : batches) {
      rows += batch.numRows();
    }
    return new CollectedRelation(output, batches, rows);
  }

  /** Its rows as wide as the planner estimates rows of its columns, so join planning compares like with like. */
  @Override
  public long sizeInBytes() {
    return Math.max(1, rows) * Statistics.rowWidth(output);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String simpleString() {
    return "CollectedRelation " + ExplainStrings.list(output) + ", " + rows + " rows";
  }
}
