package dev.ember.rdd;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checkpoints an RDD to files under the checkpoint directory ({@code rdd-<id>}), which outlive executors. */
final class ReliableRDDCheckpointData<T> extends RDDCheckpointData<T> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReliableRDDCheckpointData.class);

  private final String path;

  ReliableRDDCheckpointData(RDD<T> rdd, String checkpointDir) {
    super(rdd);
    this.path = checkpointDir + "/rdd-" + rdd.id();
  }

  @Override
  protected RDD<T> doCheckpoint() {
    ReliableCheckpointRDD<T> saved = ReliableCheckpointRDD.writeRDDToCheckpointDirectory(rdd, path);
    LOG.debug("Checkpointed {} to {}", rdd, path);
    return saved;
  }

  @Override
  Optional<String> checkpointPath() {
    return isCheckpointed() ? Optional.of(path) : Optional.empty();
  }
}
