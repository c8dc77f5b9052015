package dev.ember.sql.execution.join;

import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A join without equi-join keys (cross joins, {@code a.x < b.y}, the null-aware condition of NOT IN): the
 * build side is collected and broadcast, and every stream row is paired with every build row, the condition
 * deciding which pairs match. Stream batches are sliced so each slice makes at most {@link #MAX_PAIRS}
 * pairs. A full outer join reads its stream side in one partition, so unmatched build rows are known.
 */
public final class BroadcastNestedLoopJoinExec extends JoinExec {

  /** The most candidate pairs evaluated at once. */
  static final int MAX_PAIRS = 1 << 16;
  private static final long serialVersionUID = 1L;

  /** A nested-loop join of {@code left} and {@code right}, building the left side when {@code buildLeft}. */
  public BroadcastNestedLoopJoinExec(JoinType joinType, boolean buildLeft, Expression condition, PhysicalPlan left,
      PhysicalPlan right) {
    super(left, right, joinType, buildLeft, condition);
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    if (joinType != JoinType.FULL_OUTER && !processor(null).buildSideOuter()) {
      return super.requiredChildDistribution();
    }
    Distribution stream = new Distribution.AllTuples();
    Distribution build = new Distribution.Unspecified();
    return buildLeft ? List.of(build, stream) : List.of(stream, build);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
    return new BroadcastNestedLoopJoinExec(joinType, buildLeft, condition, c.get(0), c.get(1));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    PhysicalPlan build = buildSide();
    ColumnarBatch rows = BatchConcat.concat(context.broadcasts().collect(build, context), types(build));
    Broadcast<ColumnarBatch> broadcast = context.emberContext().broadcastInternal(rows);
    JoinProcessor processor = processor(condition);
    return streamSide().execute(context).mapPartitions(stream -> {
      ColumnarBatch buildRows = broadcast.value();
      int slice = Math.max(1, MAX_PAIRS / Math.max(1, buildRows.numRows()));
      return processor.join(sliced(stream, slice), buildRows, (batch, s, b) -> {
        for (int i = 0; i < batch.numRows(); i++) {
          for (int j = 0; j < buildRows.numRows(); j++) {
            s.add(i);
            b.add(j);
          }
        }
      });
    });
  }

  /** The batches cut into slices of at most {@code rows} rows. */
  private static Iterator<ColumnarBatch> sliced(Iterator<ColumnarBatch> batches, int rows) {
    return new Iterator<>() {
      private final ArrayDeque<ColumnarBatch> pending = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          for (int from = 0; from < batch.numRows(); from += rows) {
            int count = Math.min(rows, batch.numRows() - from);
            int[] selection = new int[count];
            for (int i = 0; i < count; i++) {
              selection[i] = from + i;
            }
            pending.add(count == batch.numRows() ? batch : batch.gather(selection, count));
          }
        }
        return !pending.isEmpty();
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }

  @Override
  public String simpleString() {
    return describe("BroadcastNestedLoopJoin", "");
  }
}
