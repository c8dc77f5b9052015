package dev.ember.rdd;

import java.io.Serializable;
import java.util.Optional;

/**
 * The checkpointing state of one RDD: marked, in progress, or done. Doing it saves the RDD's data somewhere
 * its lineage is not needed to read it back, then cuts the lineage. The state travels with the RDD to
 * executors, so they read checkpointed partitions instead of computing them.
 */
abstract class RDDCheckpointData<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private enum State { INITIALIZED, IN_PROGRESS, CHECKPOINTED }

  protected final RDD<T> rdd;
  private State state = State.INITIALIZED;
  private RDD<T> checkpointRdd;

  RDDCheckpointData(RDD<T> rdd) {
    this.rdd = rdd;
  }

  /** Saves the RDD and cuts its lineage, unless that is done or under way. Runs on the driver. */
  final void checkpoint() {
    synchronized (this) {
      if (state != State.INITIALIZED) {
        return;
      }
      state = State.IN_PROGRESS;
    }
    RDD<T> saved;
    try {
      saved = doCheckpoint();
    } catch (RuntimeException e) {
      synchronized (this) {
        state = State.INITIALIZED;
      }
      throw e;
    }
    synchronized (this) {
      checkpointRdd = saved;
      state = State.CHECKPOINTED;
      rdd.markCheckpointed(saved);
    }
  }

  /** Saves the RDD's data and returns the RDD that reads it back. */
  protected abstract RDD<T> doCheckpoint();

  final synchronized boolean isCheckpointed() {
    return state == State.CHECKPOINTED;
  }

  /** The RDD reading the saved data, once checkpointed. */
  final synchronized Optional<RDD<T>> checkpointRdd() {
    return Optional.ofNullable(checkpointRdd);
  }

  /** The directory of the saved files, for reliable checkpoints that are done. */
  Optional<String> checkpointPath() {
    return Optional.empty();
  }
}
