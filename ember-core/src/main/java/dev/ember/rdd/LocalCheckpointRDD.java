package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Partition;
import dev.ember.TaskContext;
import java.util.Iterator;
import java.util.List;

/**
 * The parent a locally checkpointed RDD is left with: its partitions live only in the block managers, so
 * computing one here means the block was lost, which cannot be repaired.
 */
final class LocalCheckpointRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final int checkpointedRddId;
  private final int numPartitions;

  LocalCheckpointRDD(EmberContext context, int checkpointedRddId, int numPartitions) {
    super(context, List.of());
    this.checkpointedRddId = checkpointedRddId;
    this.numPartitions = numPartitions;
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] partitions = new Partition[numPartitions];
    for (int i = 0; i < numPartitions; i++) {
      partitions[i] = new CheckpointPartition(i);
    }
    return partitions;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    throw new EmberException("CHECKPOINT_BLOCK_NOT_FOUND", "Checkpoint block rdd_" + checkpointedRddId + "_"
        + split.index() + " not found: either the executor that checkpointed this partition is gone, or the "
        + "original RDD was unpersisted. Use rdd.checkpoint() instead of localCheckpoint() if blocks may be lost; "
        + "it is slower but fault-tolerant.");
  }
}
