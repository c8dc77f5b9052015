package dev.ember.sql.execution.spill;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * A k-way merge of row iterators each sorted by one comparator, through a priority queue of their heads.
 * Equal rows come out in the order of the runs given.
 */
public final class SortedRunMerge implements Iterator<Object[]> {

  private final PriorityQueue<Head> heap;

  /** Merges {@code runs}, each sorted by {@code comparator}. */
  public SortedRunMerge(List<? extends Iterator<Object[]>> runs, Comparator<Object[]> comparator) {
    this.heap = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> {
      int c = comparator.compare(a.row, b.row);
      // Equal rows come out in the order of their runs, so a merge of runs of a stable sort is stable too.
      return c != 0 ? c : Integer.compare(a.index, b.index);
    });
    for (int i = 0; i < runs.size(); i++) {
      Iterator<Object[]> run = runs.get(i);
      if (run.hasNext()) {
        heap.add(new Head(run.next(), run, i));
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !heap.isEmpty();
  }

  /** The row {@link #next()} will return; only when {@link #hasNext()}. */
  public Object[] peek() {
    return heap.peek().row;
  }

  @Override
  public Object[] next() {
    Head head = heap.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    Object[] row = head.row;
    if (head.rest.hasNext()) {
      head.row = head.rest.next();
      heap.add(head);
    }
    return row;
  }

  /** A run's current row and the rest of it. */
  private static final class Head {
    Object[] row;
    final Iterator<Object[]> rest;
    final int index;

    Head(Object[] row, Iterator<Object[]> rest, int index) {
      this.row = row;
      this.rest = rest;
      this.index = index;
    }
  }
}
