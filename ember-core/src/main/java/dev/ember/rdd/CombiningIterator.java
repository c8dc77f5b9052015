package dev.ember.rdd;

import dev.ember.Aggregator;
import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Combines the values of an already partitioned partition by key, without a shuffle. */
final class CombiningIterator<K, V, C> {

  private final Iterator<Tuple2<K, V>> input;
  private final Aggregator<K, V, C> aggregator;

  CombiningIterator(Iterator<Tuple2<K, V>> input, Aggregator<K, V, C> aggregator) {
    this.input = input;
    this.aggregator = aggregator;
  }

  Iterator<Tuple2<K, C>> iterator() {
    Map<K, C> combined = new HashMap<>();
    try {
      while (input.hasNext()) {
        Tuple2<K, V> pair = input.next();
        if (combined.containsKey(pair._1())) {
          combined.put(pair._1(), aggregator.mergeValue().call(combined.get(pair._1()), pair._2()));
        } else {
          combined.put(pair._1(), aggregator.createCombiner().call(pair._2()));
        }
      }
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
    List<Tuple2<K, C>> out = new ArrayList<>(combined.size());
    combined.forEach((k, c) -> out.add(new Tuple2<>(k, c)));
    return out.iterator();
  }
}
