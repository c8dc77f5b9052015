package dev.ember.rdd;

import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerMaster;
import java.util.stream.IntStream;

/**
 * Checkpoints an RDD into the executors' block managers: makes sure every partition is cached (computing the
 * missing ones), then cuts the lineage. Fast, but a lost block can no longer be recomputed.
 */
final class LocalRDDCheckpointData<T> extends RDDCheckpointData<T> {

  private static final long serialVersionUID = 1L;

  LocalRDDCheckpointData(RDD<T> rdd) {
    super(rdd);
  }

  @Override
  protected RDD<T> doCheckpoint() {
    BlockManagerMaster master = rdd.context().env().blockManagerMaster();
    int rddId = rdd.id();
    int[] missing = IntStream.range(0, rdd.getNumPartitions())
        .filter(i -> master.getLocations(new BlockId.RDDBlockId(rddId, i)).isEmpty())
        .toArray();
    if (missing.length > 0) {
      rdd.context().runJob(rdd, (context, records) -> {
        while (records.hasNext()) {
          records.next();
        }
        return Boolean.TRUE;
      }, missing);
    }
    return new LocalCheckpointRDD<>(rdd.context(), rddId, rdd.getNumPartitions());
  }
}
