package dev.ember.sql.execution;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A bound filter condition applied one conjunct at a time, as SQL's AND short-circuits: each conjunct is
 * evaluated only on the rows the earlier ones kept, over a batch holding just the columns the remaining
 * conjuncts read, and the whole batch is compacted once at the end. With {@code a AND b AND c} where
 * {@code a} keeps a few percent of the rows, {@code b} and {@code c} see only those rows.
 */
final class ConjunctiveFilter implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Expression[] conjuncts;
  /** {@code readLater[k][c]}: whether a conjunct from {@code k} on reads column {@code c}. */
  private final boolean[][] readLater;

  /** The filter by {@code condition}, bound to a child of {@code numColumns} columns. */
  ConjunctiveFilter(Expression condition, int numColumns) {
    List<Expression> split = new ArrayList<>();
    split(condition, split);
    conjuncts = split.toArray(new Expression[0]);
    readLater = new boolean[conjuncts.length][numColumns];
    for (int k = conjuncts.length - 1; k >= 0; k--) {
      if (k + 1 < conjuncts.length) {
        System.arraycopy(readLater[k + 1], 0, readLater[k], 0, numColumns);
      }
      markReads(conjuncts[k], readLater[k]);
    }
  }

  private static void split(Expression e, List<Expression> out) {
    if (e instanceof And and) {
      split(and.left(), out);
      split(and.right(), out);
    } else {
      out.add(e);
    }
  }

  private static void markReads(Expression e, boolean[] reads) {
    if (e instanceof BoundReference ref) {
      reads[ref.ordinal()] = true;
    }
    for (Expression child : e.children()) {
      markReads(child, reads);
    }
  }

  /** The rows of {@code batch} for which every conjunct is TRUE ({@code batch} itself when all are). */
  ColumnarBatch apply(ColumnarBatch batch) {
    int n = batch.numRows();
    ColumnarBatch current = batch;
    int[] rows = null;
    int count = n;
    for (int k = 0; k < conjuncts.length && count > 0; k++) {
      ColumnVector result = VectorizedEvaluator.evaluate(conjuncts[k], current);
      int[] selected = new int[count];
      int kept = select(result, count, selected);
      if (kept == count) {
        continue;
      }
      rows = rows == null ? selected : compose(rows, selected, kept);
      count = kept;
      if (k + 1 < conjuncts.length && count > 0) {
        current = gatherRead(batch, rows, count, readLater[k + 1]);
      }
    }
    return count == n ? batch : batch.gather(rows, count);
  }

  /** Writes the positions of the TRUE rows of {@code result} into {@code selected}; returns their count. */
  static int select(ColumnVector result, int n, int[] selected) {
    int count = 0;
    if (result instanceof BooleanColumnVector keep) {
      boolean[] values = keep.values;
      boolean[] nulls = keep.nulls;
      for (int i = 0; i < n; i++) {
        selected[count] = i;
        count += values[i] & !nulls[i] ? 1 : 0;
      }
    }
    return count;
  }

  /** {@code rows[selected[i]]} for the first {@code count} entries, in place in {@code selected}. */
  private static int[] compose(int[] rows, int[] selected, int count) {
    for (int i = 0; i < count; i++) {
      selected[i] = rows[selected[i]];
    }
    return selected;
  }

  /**
   * A batch of {@code count} rows whose read columns are gathered from {@code batch}; the other slots keep
   * the batch's vectors, which nothing evaluated from here on reads.
   */
  private static ColumnarBatch gatherRead(ColumnarBatch batch, int[] rows, int count, boolean[] read) {
    ColumnVector[] columns = new ColumnVector[batch.numCols()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = read[c] ? batch.column(c).gather(rows, count) : batch.column(c);
    }
    return new ColumnarBatch(columns, count);
  }
}
