package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.NarrowDependency;
import dev.ember.Partition;
import dev.ember.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Fewer partitions without a shuffle, the RDD of {@code coalesce(n)}: each partition reads a run of
 * consecutive parent partitions in one task, so no data moves. Asking for more partitions than the parent has
 * keeps the parent's count.
 */
final class CoalescedRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final RDD<T> parent;
  private final int maxPartitions;

  CoalescedRDD(RDD<T> parent, int maxPartitions) {
    super(parent.context(), null);
    if (maxPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + maxPartitions + ") must be positive.");
    }
    this.parent = parent;
    this.maxPartitions = maxPartitions;
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] parentPartitions = parent.partitions();
    int count = Math.min(maxPartitions, parentPartitions.length);
    Partition[] partitions = new Partition[count];
    for (int i = 0; i < count; i++) {
      int from = (int) ((long) i * parentPartitions.length / count);
      int to = (int) ((long) (i + 1) * parentPartitions.length / count);
      partitions[i] = new CoalescedPartition(i, Arrays.copyOfRange(parentPartitions, from, to));
    }
    return partitions;
  }

  @Override
  protected List<Dependency<?>> getDependencies() {
    return List.of(new NarrowDependency<T>(parent) {
      private static final long serialVersionUID = 1L;

      @Override
      public List<Integer> getParents(int partitionId) {
        List<Integer> indexes = new ArrayList<>();
        for (Partition p : ((CoalescedPartition) partitions()[partitionId]).parents()) {
          indexes.add(p.index());
        }
        return indexes;
      }
    });
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    Partition[] parents = ((CoalescedPartition) split).parents();
    return Iterators.flatMap(Arrays.asList(parents).iterator(), p -> parent.iterator(p, context));
  }

  /** A run of parent partitions read by one task. */
  record CoalescedPartition(int index, Partition[] parents) implements Partition {}
}
