package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A local list split into slices, the RDD of {@code parallelize}. Each partition carries its own slice, so a
 * task receives only the data it needs.
 */
public final class ParallelCollectionRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final transient List<T> data;
  private final int numSlices;

  public ParallelCollectionRDD(EmberContext context, List<T> data, int numSlices) {
    super(context, List.of());
    this.data = data;
    this.numSlices = numSlices;
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] partitions = new Partition[numSlices];
    long size = data.size();
    for (int i = 0; i < numSlices; i++) {
      int start = (int) (i * size / numSlices);
      int end = (int) ((i + 1) * size / numSlices);
      partitions[i] = new Slice<>(id(), i, new ArrayList<>(data.subList(start, end)));
    }
    return partitions;
  }

  @SuppressWarnings("unchecked")
  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    return InputMetricsIterator.wrap(((Slice<T>) split).values().iterator(), context);
  }

  /** One slice of the list. */
  private record Slice<T>(int rddId, int index, ArrayList<T> values) implements Partition {
    @Override
    public int hashCode() {
      return 41 * (41 + rddId) + index;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Slice<?> that && that.rddId == rddId && that.index == index;
    }
  }
}
