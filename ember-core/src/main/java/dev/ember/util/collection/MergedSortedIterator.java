package dev.ember.util.collection;

import dev.ember.Tuple2;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** Merges iterators each sorted by key into one sorted iterator (a k-way merge with a priority queue). */
final class MergedSortedIterator<K, V> implements Iterator<Tuple2<K, V>> {

  private final PriorityQueue<Head<K, V>> heap;

  MergedSortedIterator(List<Iterator<Tuple2<K, V>>> inputs, Comparator<? super K> comparator) {
    this.heap = new PriorityQueue<>(Math.max(1, inputs.size()),
        (a, b) -> comparator.compare(a.record._1(), b.record._1()));
    for (Iterator<Tuple2<K, V>> input : inputs) {
      if (input.hasNext()) {
        heap.add(new Head<>(input.next(), input));
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !heap.isEmpty();
  }

  /** The key the next record has; only when {@link #hasNext()}. */
  K peekKey() {
    return heap.peek().record._1();
  }

  @Override
  public Tuple2<K, V> next() {
    Head<K, V> head = heap.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    Tuple2<K, V> record = head.record;
    if (head.rest.hasNext()) {
      head.record = head.rest.next();
      heap.add(head);
    }
    return record;
  }

  /** An input's current record and the rest of it; reused as the input advances. */
  private static final class Head<K, V> {
    Tuple2<K, V> record;
    final Iterator<Tuple2<K, V>> rest;

    Head(Tuple2<K, V> record, Iterator<Tuple2<K, V>> rest) {
      this.record = record;
      this.rest = rest;
    }
  }
}
