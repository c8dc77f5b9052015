package dev.ember.rdd;

import dev.ember.TaskContext;
import java.io.Serializable;
import java.util.Iterator;

/**
 * Turns one partition's input iterator into its output iterator: the function inside a
 * {@link MapPartitionsRDD}. Narrow transformations chain these so records flow through them one at a time.
 */
@FunctionalInterface
public interface IteratorFunction<T, U> extends Serializable {

  /**
   * Returns the output of partition {@code partitionIndex}, reading {@code input} lazily.
   *
   * @throws Exception whatever the user's function throws; the task fails with it
   */
  Iterator<U> apply(TaskContext context, int partitionIndex, Iterator<T> input) throws Exception;
}
