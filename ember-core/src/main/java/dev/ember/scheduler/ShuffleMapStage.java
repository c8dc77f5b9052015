package dev.ember.scheduler;

import dev.ember.ShuffleDependency;
import dev.ember.shuffle.MapOutputTracker;
import java.util.List;

/** A stage whose tasks write shuffle output for the stages after it. */
final class ShuffleMapStage extends Stage {

  final ShuffleDependency<?, ?, ?> shuffleDependency;
  private final MapOutputTracker tracker;

  ShuffleMapStage(int id, ShuffleDependency<?, ?, ?> dependency, List<Stage> parents, int firstJobId,
      MapOutputTracker tracker) {
    super(id, dependency.rdd(), parents, firstJobId);
    this.shuffleDependency = dependency;
    this.tracker = tracker;
  }

  @Override
  List<Integer> findMissingPartitions() {
    return tracker.findMissingPartitions(shuffleDependency.shuffleId());
  }

  @Override
  int numPartitions() {
    return rdd.getNumPartitions();
  }

  /** Whether every map output is available, so later stages can read them. */
  boolean isAvailable() {
    return findMissingPartitions().isEmpty();
  }
}
