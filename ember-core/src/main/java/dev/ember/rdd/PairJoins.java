package dev.ember.rdd;

import dev.ember.Tuple2;
import dev.ember.api.java.Optional;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns the two value groups cogroup gives a key into the pairs each kind of join emits for it: every
 * combination of a left and a right value, with {@link Optional#empty()} standing for the missing side in
 * outer joins.
 */
final class PairJoins {

  private PairJoins() {}

  /** Every (v, w) for the key; nothing if either side is empty. */
  static <V, W> Iterator<Tuple2<V, W>> inner(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<V, W>> out = new ArrayList<>();
    for (V v : groups._1()) {
      for (W w : groups._2()) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Every (v, Optional[w]) for the key, or (v, empty) for each v when the right side is empty. */
  static <V, W> Iterator<Tuple2<V, Optional<W>>> leftOuter(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<V, Optional<W>>> out = new ArrayList<>();
    List<Optional<W>> rights = present(groups._2());
    for (V v : groups._1()) {
      for (Optional<W> w : rights) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Every (Optional[v], w) for the key, or (empty, w) for each w when the left side is empty. */
  static <V, W> Iterator<Tuple2<Optional<V>, W>> rightOuter(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<Optional<V>, W>> out = new ArrayList<>();
    List<Optional<V>> lefts = present(groups._1());
    for (Optional<V> v : lefts) {
      for (W w : groups._2()) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Every (Optional[v], Optional[w]) for the key, with empty standing for a side that has no values. */
  static <V, W> Iterator<Tuple2<Optional<V>, Optional<W>>> fullOuter(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<Optional<V>, Optional<W>>> out = new ArrayList<>();
    List<Optional<V>> lefts = present(groups._1());
    List<Optional<W>> rights = present(groups._2());
    for (Optional<V> v : lefts) {
      for (Optional<W> w : rights) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** The values wrapped in Optional, or a single empty Optional if there are none. */
  private static <T> List<Optional<T>> present(Iterable<T> values) {
    List<Optional<T>> wrapped = new ArrayList<>();
    for (T value : values) {
      wrapped.add(Optional.ofNullable(value));
    }
    if (wrapped.isEmpty()) {
      wrapped.add(Optional.empty());
    }
    return wrapped;
  }
}
