package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * An RDD of one empty partition that depends on some shuffles: a job over it makes the DAG scheduler run the
 * map stages of those shuffles (and their parents) that are missing, and nothing else, since its one task
 * reads none of the shuffles' output. Adaptive execution runs it to learn the map output sizes before it
 * decides how to read them.
 */
public final class MapStagesRDD extends RDD<Object> {

  private static final long serialVersionUID = 1L;

  /** An RDD whose one task waits for the map stages of {@code dependencies}. */
  public MapStagesRDD(EmberContext context, List<ShuffleDependency<?, ?, ?>> dependencies) {
    super(context, List.<Dependency<?>>copyOf(dependencies));
  }

  @Override
  public Iterator<Object> compute(Partition split, TaskContext context) {
    return Collections.emptyIterator();
  }

  @Override
  protected Partition[] getPartitions() {
    return new Partition[] {new OnlyPartition()};
  }

  /** The single, empty partition. */
  record OnlyPartition() implements Partition {
    @Override
    public int index() {
      return 0;
    }
  }
}
