package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.vector.BatchIterators;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * Keeps the rows whose condition is true: each conjunct of the condition is evaluated on the rows the
 * earlier ones kept ({@link ConjunctiveFilter}), the positions of the true rows form a selection vector, and
 * the batch is compacted to them once.
 */
public final class FilterExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final Expression condition;
  private final PhysicalPlan child;

  /** A filter of {@code child} by {@code condition}. */
  public FilterExec(Expression condition, PhysicalPlan child) {
    this.condition = condition;
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new FilterExec(condition, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    ConjunctiveFilter filter = new ConjunctiveFilter(BindReferences.bind(condition, child.output()),
        child.output().size());
    return child.execute(context).mapPartitions(batches -> BatchIterators.map(batches, filter::apply));
  }

  @Override
  public String simpleString() {
    return "Filter " + ExplainStrings.expr(condition);
  }
}
