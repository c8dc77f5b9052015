package dev.ember.sql.execution.aggregate;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BatchIterators;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the first row of each distinct key: its child is clustered by the keys (EnsureRequirements adds the
 * hash exchange), so each task sees every row of its keys and remembers the keys it has passed.
 */
public final class DeduplicateExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<Expression> keys;
  private final PhysicalPlan child;

  /** Deduplication of {@code child} by {@code keys}. */
  public DeduplicateExec(List<Expression> keys, PhysicalPlan child) {
    this.keys = List.copyOf(keys);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new DeduplicateExec(keys, newChildren.get(0));
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
  public List<Distribution> requiredChildDistribution() {
    return List.of(new Distribution.Clustered(keys));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<Expression> bound = BindReferences.bindAll(keys, child.output());
    return child.execute(context).mapPartitions(batches -> {
      Set<List<Object>> seen = new HashSet<>();
      return BatchIterators.map(batches, batch -> firstOfEachKey(batch, bound, seen));
    });
  }

  private static ColumnarBatch firstOfEachKey(ColumnarBatch batch, List<Expression> keys, Set<List<Object>> seen) {
    List<ColumnVector> columns = new ArrayList<>(keys.size());
    for (Expression key : keys) {
      columns.add(VectorizedEvaluator.evaluate(key, batch));
    }
    int n = batch.numRows();
    int[] selected = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      Object[] key = new Object[columns.size()];
      for (int k = 0; k < key.length; k++) {
        key[k] = columns.get(k).getBoxed(i);
      }
      if (seen.add(Arrays.asList(key))) {
        selected[count++] = i;
      }
    }
    return count == n ? batch : batch.gather(selected, count);
  }

  @Override
  public String simpleString() {
    return "Deduplicate " + ExplainStrings.list(keys);
  }
}
