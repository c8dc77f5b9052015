package dev.ember.scheduler;

import dev.ember.executor.TaskMetrics;
import dev.ember.rdd.RDD;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of tasks that run the same functions over the partitions of one RDD, with no shuffle between them.
 * A stage ends at a shuffle boundary (a {@link ShuffleMapStage}) or at the job's action (a
 * {@link ResultStage}). A stage can run several times (attempts) when outputs are lost.
 */
abstract class Stage {

  final int id;
  final RDD<?> rdd;
  final List<Stage> parents;
  final int firstJobId;
  final Set<Integer> jobIds = new LinkedHashSet<>();
  final Set<Integer> pendingPartitions = new LinkedHashSet<>();
  final Set<Integer> failedAttemptIds = new LinkedHashSet<>();
  int latestAttemptId = -1;
  int nextAttemptId;
  long submissionTime;
  TaskMetrics attemptMetrics = new TaskMetrics();

  Stage(int id, RDD<?> rdd, List<Stage> parents, int firstJobId) {
    this.id = id;
    this.rdd = rdd;
    this.parents = List.copyOf(parents);
    this.firstJobId = firstJobId;
  }

  /** The partitions still to compute in this stage. */
  abstract List<Integer> findMissingPartitions();

  /** The number of tasks a full run of the stage has. */
  abstract int numPartitions();

  /** Starts a new attempt and returns its id. */
  int makeNewAttempt() {
    latestAttemptId = nextAttemptId++;
    submissionTime = System.currentTimeMillis();
    attemptMetrics = new TaskMetrics();
    return latestAttemptId;
  }

  String name() {
    String rddName = rdd.name() != null ? rdd.name() : rdd.getClass().getSimpleName();
    return rddName + " [" + rdd.id() + "]";
  }

  StageInfo info(long completionTime, String failureReason) {
    // A copy: listeners read it on their own thread while later tasks may still add to the live totals.
    TaskMetrics snapshot = new TaskMetrics();
    snapshot.merge(attemptMetrics);
    return new StageInfo(id, Math.max(latestAttemptId, 0), name(), numPartitions(),
        parents.stream().map(p -> p.id).toList(), submissionTime, completionTime, failureReason, snapshot);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " " + id;
  }
}
