package dev.ember.sql.execution.aggregate;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Emits every input batch once per projection (grouping sets: one projection per set), computing each
 * projection's columns vectorized over the batch. The rows' partitioning is unknown afterwards, since the
 * grouping columns change.
 */
public final class ExpandExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<List<Expression>> projections;
  private final List<AttributeReference> output;
  private final PhysicalPlan child;

  /** Expands {@code child} by {@code projections}, producing {@code output}. */
  public ExpandExec(List<List<Expression>> projections, List<AttributeReference> output, PhysicalPlan child) {
    this.projections = projections.stream().map(List::copyOf).toList();
    this.output = List.copyOf(output);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new ExpandExec(projections, output, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    return new Partitioning.Unknown(child.outputPartitioning().numPartitions());
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<List<Expression>> bound = new ArrayList<>();
    for (List<Expression> projection : projections) {
      bound.add(BindReferences.bindAll(projection, child.output()));
    }
    return child.execute(context).mapPartitions(batches -> expand(batches, bound));
  }

  private static Iterator<ColumnarBatch> expand(Iterator<ColumnarBatch> batches, List<List<Expression>> bound) {
    return new Iterator<>() {
      private ColumnarBatch current;
      private int next = bound.size();

      @Override
      public boolean hasNext() {
        while (next == bound.size() || current.numRows() == 0) {
          if (!batches.hasNext()) {
            return false;
          }
          current = batches.next();
          next = 0;
        }
        return true;
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<Expression> projection = bound.get(next++);
        ColumnVector[] columns = new ColumnVector[projection.size()];
        for (int c = 0; c < columns.length; c++) {
          columns[c] = VectorizedEvaluator.evaluate(projection.get(c), current);
        }
        return new ColumnarBatch(columns, current.numRows());
      }
    };
  }

  @Override
  public String simpleString() {
    return "Expand " + projections.size() + " projections, " + ExplainStrings.list(output);
  }
}
