package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.BatchBuilder;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import java.util.List;

/** Scans a core RDD of internal rows, packing each partition's rows into batches in the tasks. */
public final class RDDScanExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<AttributeReference> output;
  private final transient RDD<Object[]> rows;

  /** A scan of {@code rows}, whose values are {@code output}'s columns. */
  public RDDScanExec(List<AttributeReference> output, RDD<Object[]> rows) {
    this.output = List.copyOf(output);
    this.rows = rows;
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
    int n = rows.getNumPartitions();
    return n == 1 ? new Partitioning.Single() : new Partitioning.Unknown(n);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<DataType> types = output.stream().map(AttributeReference::dataType).toList();
    return rows.mapPartitions(partition -> {
      BatchBuilder builder = new BatchBuilder(types);
      partition.forEachRemaining(builder::add);
      return builder.build();
    });
  }

  @Override
  public String simpleString() {
    return "Scan ExistingRDD " + ExplainStrings.list(output);
  }
}
