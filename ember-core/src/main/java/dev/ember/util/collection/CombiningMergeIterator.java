package dev.ember.util.collection;

import dev.ember.Tuple2;
import dev.ember.api.function.Function2;
import dev.ember.rdd.UserFunctionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Combines the records of a merged sorted stream that have equal keys. Keys that the comparator calls equal
 * need not be equal (hash ordering puts colliding keys side by side), so each group of comparator-equal keys
 * is gathered and combined by {@code equals}, then handed out.
 */
final class CombiningMergeIterator<K, C> implements Iterator<Tuple2<K, C>> {

  private final MergedSortedIterator<K, C> sorted;
  private final Comparator<? super K> comparator;
  private final Function2<C, C, C> mergeCombiners;
  private final List<K> keys = new ArrayList<>();
  private final List<C> combiners = new ArrayList<>();
  private int emitted;

  CombiningMergeIterator(MergedSortedIterator<K, C> sorted, Comparator<? super K> comparator,
      Function2<C, C, C> mergeCombiners) {
    this.sorted = sorted;
    this.comparator = comparator;
    this.mergeCombiners = mergeCombiners;
  }

  @Override
  public boolean hasNext() {
    return emitted < keys.size() || sorted.hasNext();
  }

  @Override
  public Tuple2<K, C> next() {
    if (emitted == keys.size()) {
      if (!sorted.hasNext()) {
        throw new NoSuchElementException();
      }
      gatherGroup();
    }
    int i = emitted++;
    Tuple2<K, C> result = new Tuple2<>(keys.get(i), combiners.get(i));
    combiners.set(i, null);
    return result;
  }

  private void gatherGroup() {
    keys.clear();
    combiners.clear();
    emitted = 0;
    Tuple2<K, C> first = sorted.next();
    keys.add(first._1());
    combiners.add(first._2());
    try {
      while (sorted.hasNext() && comparator.compare(sorted.peekKey(), first._1()) == 0) {
        Tuple2<K, C> record = sorted.next();
        int i = indexOf(record._1());
        if (i < 0) {
          keys.add(record._1());
          combiners.add(record._2());
        } else {
          combiners.set(i, mergeCombiners.call(combiners.get(i), record._2()));
        }
      }
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }

  private int indexOf(K key) {
    for (int i = 0; i < keys.size(); i++) {
      if (Objects.equals(keys.get(i), key)) {
        return i;
      }
    }
    return -1;
  }
}
