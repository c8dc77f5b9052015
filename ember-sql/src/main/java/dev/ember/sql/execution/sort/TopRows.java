package dev.ember.sql.execution.sort;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code limit} rows of a stream of batches in a sort order, kept in a bounded heap whose top is the
 * worst row kept: a row is boxed only when its keys beat that row's (or the heap is not full yet), so most
 * rows of a long input cost one evaluation of the keys and one comparison. Rows with equal keys keep their
 * input order, as a stable sort followed by a limit would.
 */
final class TopRows {

  /** A kept row: its sort key values, all its values, and its position in the input. */
  private record Entry(Object[] keys, Object[] values, long position) {}

  private final int limit;
  private final List<Expression> keys;
  private final Comparator<Entry> order;
  private final PriorityQueue<Entry> heap;
  private long position;

  /** Keeps {@code limit} rows ordered by the bound {@code keys} compared by {@code keyComparator}. */
  TopRows(int limit, List<Expression> keys, RowComparator keyComparator) {
    this.limit = limit;
    this.keys = keys;
    this.order = (a, b) -> {
      int c = keyComparator.compare(a.keys, b.keys);
      return c != 0 ? c : Long.compare(a.position, b.position);
    };
    this.heap = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), order.reversed());
  }

  /** Offers every row of {@code batch}. */
  void add(ColumnarBatch batch) {
    int n = batch.numRows();
    if (limit == 0 || n == 0) {
      position += n;
      return;
    }
    ColumnVector[] keyColumns = new ColumnVector[keys.size()];
    for (int k = 0; k < keyColumns.length; k++) {
      keyColumns[k] = VectorizedEvaluator.evaluate(keys.get(k), batch);
    }
    for (int r = 0; r < n; r++, position++) {
      Object[] keyValues = new Object[keyColumns.length];
      for (int k = 0; k < keyColumns.length; k++) {
        keyValues[k] = keyColumns[k].getBoxed(r);
      }
      Entry candidate = new Entry(keyValues, null, position);
      if (heap.size() >= limit) {
        // A later row with equal keys is worse than every kept one, so only a strictly better row enters.
        if (order.compare(candidate, heap.peek()) >= 0) {
          continue;
        }
        heap.poll();
      }
      Object[] values = new Object[batch.numCols()];
      for (int c = 0; c < values.length; c++) {
        values[c] = batch.column(c).getBoxed(r);
      }
      heap.add(new Entry(keyValues, values, candidate.position));
    }
  }

  /** The kept rows' values, best first. */
  List<Object[]> sorted() {
    List<Entry> entries = new ArrayList<>(heap);
    entries.sort(order);
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      rows.add(entry.values);
    }
    return rows;
  }
}
