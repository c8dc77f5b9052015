package dev.ember.shuffle;

import dev.ember.Tuple2;
import dev.ember.scheduler.MapStatus;
import java.util.Iterator;

/** Writes one map task's records, partitioned by the shuffle's partitioner, to this executor's disk. */
public interface ShuffleWriter<K, V> {

  /** Writes all {@code records}. */
  void write(Iterator<? extends Tuple2<K, V>> records);

  /**
   * Finishes the write: on success commits the output and returns where it is and how large each reduce
   * partition's slice is; on failure deletes what was written and returns {@code null}.
   */
  MapStatus stop(boolean success);
}
