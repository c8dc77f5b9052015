package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/**
 * UNION ALL: the partitions of every input one after the other (the core's union), no data moved. The
 * analyzer has already cast the inputs to the same column types.
 */
public final class UnionExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<AttributeReference> output;
  private final List<PhysicalPlan> children;

  /** The union of {@code children}, producing the columns {@code output}. */
  public UnionExec(List<AttributeReference> output, List<PhysicalPlan> children) {
    this.output = List.copyOf(output);
    this.children = List.copyOf(children);
  }

  @Override
  public List<PhysicalPlan> children() {
    return children;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    int n = 0;
    for (PhysicalPlan child : children) {
      n += child.outputPartitioning().numPartitions();
    }
    return new Partitioning.Unknown(n);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new UnionExec(output, newChildren);
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<RDD<ColumnarBatch>> rdds = new ArrayList<>();
    for (PhysicalPlan child : children) {
      rdds.add(child.execute(context));
    }
    return context.emberContext().union(rdds);
  }

  @Override
  public String simpleString() {
    return "Union";
  }
}
