package dev.ember.rdd;

import dev.ember.EmberEnv;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.storage.BlockId;
import java.util.Iterator;

/** Reads a persisted RDD partition from the executor's block manager, computing and storing it if absent. */
final class RDDBlocks {

  private RDDBlocks() {}

  static <T> Iterator<T> getOrCompute(RDD<T> rdd, Partition split, TaskContext context) {
    BlockId blockId = new BlockId.RDDBlockId(rdd.id(), split.index());
    return EmberEnv.get().blockManager().getOrElseUpdate(blockId, rdd.getStorageLevel(),
        () -> rdd.computeOrReadCheckpoint(split, context));
  }
}
