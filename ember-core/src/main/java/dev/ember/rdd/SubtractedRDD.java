package dev.ember.rdd;

import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The pairs of one RDD whose keys do not occur in another: the RDD behind subtractByKey. As in Spark, it holds
 * only the first RDD's pairs of a partition in memory and streams the second RDD's keys past them.
 *
 * @param <K> the key type
 * @param <V> the value type of the RDD subtracted from
 */
final class SubtractedRDD<K, V> extends CoPartitionedRDD<K, Tuple2<K, V>> {

  private static final long serialVersionUID = 1L;

  SubtractedRDD(RDD<Tuple2<K, V>> left, RDD<? extends Tuple2<K, ?>> right, Partitioner partitioner) {
    super(List.of(left, right), partitioner);
  }

  @Override
  public Iterator<Tuple2<K, V>> compute(Partition split, TaskContext context) {
    Map<K, List<V>> kept = new HashMap<>();
    Iterator<Tuple2<K, V>> lefts = read(0, split, context);
    while (lefts.hasNext()) {
      Tuple2<K, V> pair = lefts.next();
      kept.computeIfAbsent(pair._1(), key -> new ArrayList<>()).add(pair._2());
    }
    Iterator<Tuple2<K, Object>> rights = read(1, split, context);
    while (rights.hasNext() && !kept.isEmpty()) {
      kept.remove(rights.next()._1());
    }
    List<Tuple2<K, V>> output = new ArrayList<>();
    kept.forEach((key, values) -> values.forEach(value -> output.add(new Tuple2<>(key, value))));
    return output.iterator();
  }
}
