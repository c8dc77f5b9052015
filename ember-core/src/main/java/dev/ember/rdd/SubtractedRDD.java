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
 * The pairs of one RDD whose keys do not occur in another: the RDD behind subtractByKey. As in Spark, it holds
 * only the first RDD's pairs of a partition in memory and streams the second RDD's keys past them.
 *
 * @param <K> the key type
 * @param <V> the value type of the RDD subtracted from
 */
final class SubtractedRDD<K, V> extends RDD<Tuple2<K, V>> {

  private static final long serialVersionUID = 1L;
  private final RDD<Tuple2<K, V>> left;
  private final RDD<? extends Tuple2<K, ?>> right;
  private final Partitioner partitioner;

  SubtractedRDD(RDD<Tuple2<K, V>> left, RDD<? extends Tuple2<K, ?>> right, Partitioner partitioner) {
    super(left.context(), null);
    this.left = left;
    this.right = right;
    this.partitioner = requireNonNull(partitioner, "partitioner is null");
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    return CoPartitionedInputs.dependencies(List.of(left, right), partitioner);
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
  public Iterator<Tuple2<K, V>> compute(Partition split, TaskContext context) {
    Map<K, List<V>> kept = new HashMap<>();
    Iterator<Tuple2<K, V>> lefts = CoPartitionedInputs.read(dependencies(), 0, split, context);
    while (lefts.hasNext()) {
      Tuple2<K, V> pair = lefts.next();
      kept.computeIfAbsent(pair._1(), key -> new ArrayList<>()).add(pair._2());
    }
    Iterator<Tuple2<K, Object>> rights = CoPartitionedInputs.read(dependencies(), 1, split, context);
    while (rights.hasNext() && !kept.isEmpty()) {
      kept.remove(rights.next()._1());
    }
    List<Tuple2<K, V>> output = new ArrayList<>();
    kept.forEach((key, values) -> values.forEach(value -> output.add(new Tuple2<>(key, value))));
    return output.iterator();
  }
}
