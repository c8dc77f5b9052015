package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.execution.vector.BatchIterators;
import java.util.List;

/** Computes the select list over each batch, column by column. Keeps the child's partitioning. */
public final class ProjectExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<Expression> projectList;
  private final PhysicalPlan child;

  /** A projection of named expressions over {@code child}. */
  public ProjectExec(List<Expression> projectList, PhysicalPlan child) {
    this.projectList = List.copyOf(projectList);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new ProjectExec(projectList, newChildren.get(0));
  }

  /** The named expressions computed, one an output column. */
  public List<Expression> projectList() {
    return projectList;
  }

  @Override
  public List<AttributeReference> output() {
    return projectList.stream().map(e -> ((NamedExpression) e).toAttribute()).toList();
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<Expression> bound = BindReferences.bindAll(projectList, child.output());
    return child.execute(context).mapPartitions(batches -> BatchIterators.map(batches, batch -> {
      ColumnVector[] columns = new ColumnVector[bound.size()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = VectorizedEvaluator.evaluate(bound.get(c), batch);
      }
      return new ColumnarBatch(columns, batch.numRows());
    }));
  }

  @Override
  public String simpleString() {
    return "Project " + ExplainStrings.list(projectList);
  }
}
