package dev.ember.rdd;

import dev.ember.EmberException;
import dev.ember.Tuple2;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Pairs two iterators element by element, failing if one ends before the other, as {@code zip} requires. */
final class ZipIterator<A, B> implements Iterator<Tuple2<A, B>> {

  private final Iterator<A> first;
  private final Iterator<B> second;

  ZipIterator(Iterator<A> first, Iterator<B> second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public boolean hasNext() {
    boolean a = first.hasNext();
    if (a != second.hasNext()) {
      throw new EmberException("ZIP_ELEMENT_COUNT_MISMATCH",
          "Can only zip RDDs with same number of elements in each partition; the "
              + (a ? "second" : "first") + " ran out first.");
    }
    return a;
  }

  @Override
  public Tuple2<A, B> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return new Tuple2<>(first.next(), second.next());
  }
}
