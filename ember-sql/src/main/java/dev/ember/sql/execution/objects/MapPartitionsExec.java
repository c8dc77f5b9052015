package dev.ember.sql.execution.objects;

import dev.ember.rdd.RDD;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.objects.ObjectPartitionFunction;
import java.util.List;

/**
 * Runs a typed map, filter, flatMap or mapPartitions: each partition's batches are decoded into objects, the
 * user's function maps them, and its results are encoded into batches as they come (nothing is held beyond
 * one output batch).
 */
public final class MapPartitionsExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final String name;
  private final ObjectPartitionFunction function;
  private final ExpressionEncoder<?> inputEncoder;
  private final ExpressionEncoder<?> outputEncoder;
  private final List<AttributeReference> output;
  private final PhysicalPlan child;

  /** The operation {@code name} running {@code function} over the objects of {@code child}. */
  public MapPartitionsExec(String name, ObjectPartitionFunction function, ExpressionEncoder<?> inputEncoder,
      ExpressionEncoder<?> outputEncoder, List<AttributeReference> output, PhysicalPlan child) {
    this.name = name;
    this.function = function;
    this.inputEncoder = inputEncoder;
    this.outputEncoder = outputEncoder;
    this.output = List.copyOf(output);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new MapPartitionsExec(name, function, inputEncoder, outputEncoder, output, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    Partitioning in = child.outputPartitioning();
    return in instanceof Partitioning.Single ? in : new Partitioning.Unknown(numPartitions(in));
  }

  static int numPartitions(Partitioning partitioning) {
    if (partitioning instanceof Partitioning.Unknown unknown) {
      return unknown.numPartitions();
    }
    if (partitioning instanceof Partitioning.Hash hash) {
      return hash.numPartitions();
    }
    if (partitioning instanceof Partitioning.Range range) {
      return range.numPartitions();
    }
    if (partitioning instanceof Partitioning.Collection collection) {
      return collection.numPartitions();
    }
    return 1;
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    ObjectPartitionFunction f = function;
    ExpressionEncoder<?> in = inputEncoder;
    ExpressionEncoder<?> out = outputEncoder;
    int[] ordinals = new int[child.output().size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = i;
    }
    return child.execute(context).mapPartitions(batches -> ObjectBatches.serialize(
        ObjectBatches.orEmpty(f.apply(ObjectBatches.deserialize(batches, in, ordinals))), out));
  }

  @Override
  public String simpleString() {
    return name + " " + inputEncoder.clsTag().getName() + " => " + outputEncoder.clsTag().getName() + ", "
        + output;
  }
}
