package dev.ember.sql.execution.join;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.TreeSet;

/**
 * The columns a join's remaining condition reads, and the condition rebound to them: candidate pairs are
 * checked on those columns alone, gathered for every pair, while the rest of the joined row is gathered only
 * for the pairs that pass (and not at all for a semi or anti join, whose output is its stream rows).
 */
final class ConditionColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Expression condition;
  private final int[] leftOrdinals;
  private final int[] rightOrdinals;

  /**
   * The columns of {@code condition}, bound to the left input's {@code leftWidth} columns followed by the
   * right input's.
   */
  ConditionColumns(Expression condition, int leftWidth) {
    TreeSet<Integer> used = new TreeSet<>();
    condition.transformUp(e -> {
      if (e instanceof BoundReference r) {
        used.add(r.ordinal());
      }
      return e;
    });
    int[] position = new int[used.isEmpty() ? 0 : used.last() + 1];
    int leftCount = used.headSet(leftWidth).size();
    this.leftOrdinals = new int[leftCount];
    this.rightOrdinals = new int[used.size() - leftCount];
    int next = 0;
    for (int ordinal : used) {
      if (next < leftCount) {
        leftOrdinals[next] = ordinal;
      } else {
        rightOrdinals[next - leftCount] = ordinal - leftWidth;
      }
      position[ordinal] = next++;
    }
    this.condition = condition.transformUp(e -> e instanceof BoundReference r
        ? new BoundReference(position[r.ordinal()], r.dataType(), r.nullable()) : e);
  }

  /** The condition, bound to the columns of {@link #gather}'s batch. */
  Expression condition() {
    return condition;
  }

  /** The number of columns the condition reads. */
  int width() {
    return leftOrdinals.length + rightOrdinals.length;
  }

  /** The condition's columns of the {@code count} pairs ({@code leftRows[i]}, {@code rightRows[i]}). */
  ColumnarBatch gather(ColumnarBatch left, int[] leftRows, ColumnarBatch right, int[] rightRows, int count) {
    ColumnVector[] columns = new ColumnVector[width()];
    for (int c = 0; c < leftOrdinals.length; c++) {
      columns[c] = left.column(leftOrdinals[c]).gather(leftRows, count);
    }
    for (int c = 0; c < rightOrdinals.length; c++) {
      columns[leftOrdinals.length + c] = right.column(rightOrdinals[c]).gather(rightRows, count);
    }
    return new ColumnarBatch(columns, count);
  }
}
