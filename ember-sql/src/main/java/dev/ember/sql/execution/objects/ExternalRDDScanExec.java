package dev.ember.sql.execution.objects;

import dev.ember.rdd.RDD;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/** Scans a core RDD of objects, encoding them into batches in its tasks (Spark's ExternalRDDScan). */
public final class ExternalRDDScanExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final transient RDD<?> rdd;
  private final ExpressionEncoder<?> encoder;
  private final List<AttributeReference> output;

  /** A scan of {@code rdd}'s objects as the columns {@code output}, encoded with {@code encoder}. */
  public ExternalRDDScanExec(RDD<?> rdd, ExpressionEncoder<?> encoder, List<AttributeReference> output) {
    this.rdd = rdd;
    this.encoder = encoder;
    this.output = List.copyOf(output);
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
    return new Partitioning.Unknown(rdd.getNumPartitions());
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    ExpressionEncoder<?> enc = encoder;
    @SuppressWarnings("unchecked")
    RDD<Object> objects = (RDD<Object>) rdd;
    return objects.mapPartitions(it -> ObjectBatches.serialize(it, enc));
  }

  @Override
  public String simpleString() {
    return "ExternalRDDScan " + output;
  }
}
