package dev.ember.shuffle;

import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;

/**
 * Creates the writers map tasks use to write shuffle output and the readers reduce tasks use to read it, and
 * removes a shuffle's files when nothing references it any more.
 */
public interface ShuffleManager {

  /** A writer for the output of map task {@code mapId} (a unique id of the task attempt). */
  <K, V, C> ShuffleWriter<K, V> getWriter(ShuffleDependency<K, V, C> dependency, long mapId, TaskContext context);

  /**
   * A reader of reduce partitions {@code [startPartition, endPartition)} of the shuffle, combining values with
   * the dependency's aggregator and sorting by its key ordering when it has them.
   */
  <K, V, C> ShuffleReader<K, C> getReader(ShuffleDependency<K, V, C> dependency, int startPartition,
      int endPartition, TaskContext context);

  /** Deletes the files of shuffle {@code shuffleId} written on this executor. */
  void unregisterShuffle(int shuffleId);

  /** Releases all resources. */
  void stop();
}
