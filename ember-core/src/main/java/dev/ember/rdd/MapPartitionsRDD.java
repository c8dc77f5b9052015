package dev.ember.rdd;

import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import java.util.Iterator;
import java.util.Optional;
import static java.util.Objects.requireNonNull;

/**
 * Applies an {@link IteratorFunction} to each partition of its parent: the RDD behind map, filter, flatMap,
 * mapPartitions and their kin. Its partitions are its parent's.
 */
public final class MapPartitionsRDD<U, T> extends RDD<U> {

  private static final long serialVersionUID = 1L;
  private RDD<T> parent;
  private final IteratorFunction<T, U> function;
  private final boolean preservesPartitioning;

  /**
   * @param preservesPartitioning whether the function keeps keys unchanged, so the parent's partitioner still
   *     holds for the output
   */
  public MapPartitionsRDD(RDD<T> parent, IteratorFunction<T, U> function, boolean preservesPartitioning) {
    super(parent);
    this.parent = parent;
    this.function = requireNonNull(function, "function is null");
    this.preservesPartitioning = preservesPartitioning;
  }

  @Override
  protected Partition[] getPartitions() {
    return parent.partitions();
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return preservesPartitioning ? this.<T>firstParent().partitioner() : Optional.empty();
  }

  @Override
  public Iterator<U> compute(Partition split, TaskContext context) {
    try {
      return function.apply(context, split.index(), parent.iterator(split, context));
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }

  @Override
  protected void clearDependencies() {
    parent = null;
  }
}
