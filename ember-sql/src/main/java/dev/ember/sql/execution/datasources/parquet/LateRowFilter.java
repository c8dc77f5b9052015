package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Conjuncts of a scan's pushed filter, bound to the columns the scan reads, that the Parquet reader evaluates
 * on the columns they read before decoding the others, so those are decoded only for the rows that pass (late
 * materialization). Each conjunct runs only on the rows the earlier ones kept. Rows where a conjunct is FALSE or
 * NULL are dropped; the query's own filter above the scan still runs, so this only removes rows it would drop.
 */
final class LateRowFilter implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Expression[] conjuncts;
  /** Per conjunct, its form as a selection loop over one column ({@link VectorSelection}), or null. */
  private final VectorSelection[] selections;
  private final boolean[] reads;
  /** Per conjunct, the columns it or a later conjunct reads: those gathered after an earlier one drops rows. */
  private final boolean[][] readsFrom;

  /** The filter by {@code conjuncts} (non-empty), bound to a batch of {@code numColumns} columns. */
  LateRowFilter(List<Expression> conjuncts, int numColumns) {
    this.conjuncts = conjuncts.toArray(new Expression[0]);
    this.selections = new VectorSelection[this.conjuncts.length];
    for (int k = 0; k < selections.length; k++) {
      selections[k] = VectorSelection.of(this.conjuncts[k]);
    }
    this.reads = new boolean[numColumns];
    for (Expression conjunct : conjuncts) {
      markReads(conjunct, reads);
    }
    this.readsFrom = new boolean[this.conjuncts.length][numColumns];
    for (int k = this.conjuncts.length - 1; k >= 0; k--) {
      if (k + 1 < this.conjuncts.length) {
        readsFrom[k] = readsFrom[k + 1].clone();
      }
      markReads(this.conjuncts[k], readsFrom[k]);
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

  /** The conjuncts, in the order they are evaluated. */
  List<Expression> conjuncts() {
    return List.of(conjuncts);
  }

  /** Whether the conjuncts read column {@code c}. */
  boolean reads(int c) {
    return reads[c];
  }

  /**
   * Writes the ascending positions of the rows of {@code batch} every conjunct keeps into {@code selected}
   * (at least {@code batch.numRows()} long, as is {@code scratch}); returns their count. Only the columns
   * {@link #reads} names must be present in {@code batch}.
   */
  int select(ColumnarBatch batch, int[] selected, int[] scratch) {
    return select(batch, selected, scratch, null);
  }

  /**
   * Like {@link #select(ColumnarBatch, int[], int[])}, and when {@code gathered} is not null (one slot per
   * column) leaves in it, per column, a new vector of its values at exactly the rows kept, when the filter made
   * one while evaluating (a column a conjunct after the last one that dropped rows reads), else null; the
   * caller may hand those vectors out instead of gathering the column again.
   */
  int select(ColumnarBatch batch, int[] selected, int[] scratch, ColumnVector[] gathered) {
    if (gathered != null) {
      Arrays.fill(gathered, null);
    }
    int n = batch.numRows();
    int count = n;
    boolean all = true;
    // The rows evaluated as expressions: the batch as read while all rows pass, else (once stale is cleared)
    // the columns later conjuncts read gathered at the rows kept. Selection loops read the batch as read.
    ColumnarBatch current = batch;
    boolean stale = false;
    int[] kept = scratch;
    for (int k = 0; k < conjuncts.length && count > 0; k++) {
      VectorSelection selection = selections[k];
      int survivors = selection == null ? -1
          : selection.select(batch.column(selection.column()), selected, count, all);
      if (survivors >= 0) {
        if (survivors < count) {
          all = false;
          count = survivors;
          stale = true;
          if (gathered != null) {
            Arrays.fill(gathered, null);
          }
        }
        continue;
      }
      if (stale) {
        current = gatherRead(batch, readsFrom[k], selected, count, gathered);
        stale = false;
      }
      ColumnVector result = VectorizedEvaluator.evaluate(conjuncts[k], current);
      survivors = 0;
      if (result instanceof BooleanColumnVector keep) {
        boolean[] values = keep.values;
        boolean[] nulls = keep.nulls;
        for (int i = 0; i < count; i++) {
          kept[survivors] = i;
          survivors += values[i] & !nulls[i] ? 1 : 0;
        }
      }
      if (survivors == count) {
        continue;
      }
      for (int i = 0; i < survivors; i++) {
        selected[i] = all ? kept[i] : selected[kept[i]];
      }
      all = false;
      count = survivors;
      stale = true;
      if (gathered != null) {
        Arrays.fill(gathered, null);
      }
    }
    if (all) {
      for (int i = 0; i < n; i++) {
        selected[i] = i;
      }
    }
    return count;
  }

  /**
   * The columns {@code needed} names at the rows {@code rows[0, count)} of {@code batch} (always gathered from the
   * batch as read, so each column is copied at most once per conjunct that drops rows), also left in
   * {@code gathered} when it is not null.
   */
  private static ColumnarBatch gatherRead(ColumnarBatch batch, boolean[] needed, int[] rows, int count,
      ColumnVector[] gathered) {
    ColumnVector[] columns = new ColumnVector[batch.numCols()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = needed[c] ? batch.column(c).gather(rows, count) : null;
      if (gathered != null) {
        gathered[c] = columns[c];
      }
    }
    return new ColumnarBatch(columns, count);
  }
}
