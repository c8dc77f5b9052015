package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.BatchBuilder;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Scans rows held in the plan: they are parallelized into slices and packed into batches in the tasks. */
public final class LocalTableScanExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<AttributeReference> output;
  private final List<List<Object>> rows;
  private final int numSlices;

  /** A scan of {@code rows} (internal values) as {@code numSlices} partitions. */
  public LocalTableScanExec(List<AttributeReference> output, List<List<Object>> rows, int numSlices) {
    this.output = List.copyOf(output);
    this.rows = rows;
    this.numSlices = Math.max(1, Math.min(numSlices, rows.size()));
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    return numSlices == 1 ? new Partitioning.Single() : new Partitioning.Unknown(numSlices);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<DataType> types = output.stream().map(AttributeReference::dataType).toList();
    List<List<Object>> data = new ArrayList<>(rows);
    return context.emberContext().parallelize(data, numSlices).mapPartitions(partition -> {
      BatchBuilder builder = new BatchBuilder(types);
      while (partition.hasNext()) {
        builder.add(partition.next().toArray());
      }
      return builder.build();
    });
  }

  @Override
  public String simpleString() {
    return "LocalTableScan " + ExplainStrings.list(output);
  }
}
