package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import static java.util.Objects.requireNonNull;

/**
 * Groups the values of several pair RDDs by key: for each key present in any parent, one list of values per
 * parent (empty where the parent lacks the key). The RDD behind cogroup and the joins. Parents already
 * partitioned by the target partitioner are read without a shuffle.
 *
 * @param <K> the key type
 */
final class CoGroupedRDD<K> extends RDD<Tuple2<K, List<List<Object>>>> {

  private static final long serialVersionUID = 1L;
  private final List<RDD<? extends Tuple2<K, ?>>> parents;
  private final Partitioner partitioner;

  CoGroupedRDD(List<RDD<? extends Tuple2<K, ?>>> parents, Partitioner partitioner) {
    super(parents.get(0).context(), null);
    this.parents = List.copyOf(parents);
    this.partitioner = requireNonNull(partitioner, "partitioner is null");
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    return CoPartitionedInputs.dependencies(parents, partitioner);
  }

  @Override
  protected Partition[] getPartitions() {
    return CoPartitionedInputs.partitions(dependencies(), partitioner);
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(partitioner);
  }

  @Override
  public Iterator<Tuple2<K, List<List<Object>>>> compute(Partition split, TaskContext context) {
    int width = parents.size();
    // A HashMap, as Spark's map does, because null keys are allowed in hash-partitioned pair RDDs.
    Map<K, List<List<Object>>> groups = new HashMap<>();
    for (int which = 0; which < width; which++) {
      Iterator<Tuple2<K, Object>> records = CoPartitionedInputs.read(dependencies(), which, split, context);
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
