package dev.ember.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the values added into a list. */
public final class CollectionAccumulator<T> extends AccumulatorV2<T, List<T>> {

  private static final long serialVersionUID = 1L;
  private final List<T> values = Collections.synchronizedList(new ArrayList<>());

  @Override
  public boolean isZero() {
    return values.isEmpty();
  }

  @Override
  public CollectionAccumulator<T> copy() {
    CollectionAccumulator<T> copy = new CollectionAccumulator<>();
    synchronized (values) {
      copy.values.addAll(values);
    }
    return copy;
  }

  @Override
  public void reset() {
    values.clear();
  }

  @Override
  public void add(T value) {
    values.add(value);
  }

  @Override
  public void merge(AccumulatorV2<T, List<T>> other) {
    if (!(other instanceof CollectionAccumulator<T> that)) {
      throw new IllegalArgumentException("Cannot merge " + getClass().getSimpleName() + " with "
          + other.getClass().getSimpleName());
    }
    synchronized (that.values) {
      values.addAll(that.values);
    }
  }

  /** An immutable snapshot of the values collected. */
  @Override
  public List<T> value() {
    synchronized (values) {
      return Collections.unmodifiableList(new ArrayList<>(values));
    }
  }
}
