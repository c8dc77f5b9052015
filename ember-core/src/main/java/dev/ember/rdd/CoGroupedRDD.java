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
 * Groups the values of several pair RDDs by key: for each key present in any parent, one list of values per
 * parent (empty where the parent lacks the key). The RDD behind cogroup and the joins. Parents already
 * partitioned by the target partitioner are read without a shuffle.
 *
 * @param <K> the key type
 */
final class CoGroupedRDD<K> extends CoPartitionedRDD<K, Tuple2<K, List<List<Object>>>> {

  private static final long serialVersionUID = 1L;

  CoGroupedRDD(List<RDD<? extends Tuple2<K, ?>>> parents, Partitioner partitioner) {
    super(parents, partitioner);
  }

  @Override
  public Iterator<Tuple2<K, List<List<Object>>>> compute(Partition split, TaskContext context) {
    int width = numParents();
    // A HashMap, as Spark's map does, because null keys are allowed in hash-partitioned pair RDDs.
    Map<K, List<List<Object>>> groups = new HashMap<>();
    for (int which = 0; which < width; which++) {
      Iterator<Tuple2<K, Object>> records = read(which, split, context);
      while (records.hasNext()) {
        Tuple2<K, Object> record = records.next();
        groups.computeIfAbsent(record._1(), key -> emptyGroup(width)).get(which).add(record._2());
      }
    }
    List<Tuple2<K, List<List<Object>>>> output = new ArrayList<>(groups.size());
    groups.forEach((key, values) -> output.add(new Tuple2<>(key, values)));
    return output.iterator();
  }

  private static List<List<Object>> emptyGroup(int width) {
    List<List<Object>> group = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      group.add(new ArrayList<>());
    }
    return group;
  }
}
