package dev.ember.sql.execution.join;

import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.vector.BatchIterators;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import java.util.Iterator;
import java.util.List;

/**
 * {@code x NOT IN (subquery)} as a hash join (Spark's null-aware anti join) instead of a nested loop over the
 * condition {@code x = y OR (x = y) IS NULL}: the subquery's rows are collected and broadcast, and SQL's
 * rules decided once: no subquery row keeps every row; a NULL among them keeps none; otherwise a row is
 * kept when its value is not NULL and not among them.
 */
public final class BroadcastNullAwareAntiJoinExec extends JoinExec {

  private static final long serialVersionUID = 1L;
  private final Expression leftKey;
  private final Expression rightKey;

  /** {@code leftKey NOT IN (right's rightKey)} over {@code left}. */
  public BroadcastNullAwareAntiJoinExec(Expression leftKey, Expression rightKey, PhysicalPlan left,
      PhysicalPlan right) {
    super(left, right, JoinType.LEFT_ANTI, false, null);
    this.leftKey = leftKey;
    this.rightKey = rightKey;
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
    return new BroadcastNullAwareAntiJoinExec(leftKey, rightKey, c.get(0), c.get(1));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<Expression> buildKeys = BindReferences.bindAll(List.of(rightKey), right.output());
    List<Expression> streamKeys = BindReferences.bindAll(List.of(leftKey), left.output());
    ColumnarBatch rows = BatchConcat.concat(context.broadcasts().collect(right, context), types(right));
    RDD<ColumnarBatch> stream = left.execute(context);
    if (rows.numRows() == 0) {
      return stream;
    }
    ColumnVector keys = HashedRelation.evaluate(buildKeys, rows)[0];
    for (int i = 0; i < rows.numRows(); i++) {
      if (keys.nulls[i]) {
        return stream.mapPartitions(batches -> java.util.Collections.emptyIterator());
      }
    }
    Broadcast<HashedRelation> relation = context.emberContext().broadcastInternal(
        HashedRelation.build(rows, buildKeys, new boolean[] {false}, true));
    JoinProcessor processor = processor(null);
    return stream.mapPartitions(batches -> {
      HashedRelation hashed = relation.value();
      // NULL NOT IN (non-empty list without NULL) is NULL: those rows go before the anti join.
      Iterator<ColumnarBatch> nonNull = BatchIterators.map(batches, batch -> withoutNullKeys(batch, streamKeys));
      return processor.join(nonNull, hashed.rows(), (batch, s, b) -> hashed.probe(batch, streamKeys, s, b));
    });
  }

  private static ColumnarBatch withoutNullKeys(ColumnarBatch batch, List<Expression> keys) {
    ColumnVector key = HashedRelation.evaluate(keys, batch)[0];
    int[] kept = new int[batch.numRows()];
    int count = 0;
    for (int i = 0; i < batch.numRows(); i++) {
      kept[count] = i;
      count += key.nulls[i] ? 0 : 1;
    }
    return count == batch.numRows() ? batch : batch.gather(kept, count);
  }

  @Override
  public String simpleString() {
    return describe("BroadcastNullAwareAntiJoin", ExplainStrings.expr(leftKey) + ", "
        + ExplainStrings.expr(rightKey) + ", ");
  }
}
