package dev.ember.status;

import java.util.List;
import java.util.Optional;

/**
 * Low-level progress of jobs and stages, for programs that report it themselves. It answers from what the
 * listener bus has delivered, so it may lag the scheduler by a moment, and it knows only the most recent jobs
 * and stages ({@code spark.ui.retainedJobs} / {@code spark.ui.retainedStages}, 1000 each by default).
 *
 * <pre>{@code
 * EmberStatusTracker tracker = sc.statusTracker();
 * for (int jobId : tracker.getJobIdsForGroup("nightly")) {
 *   tracker.getJobInfo(jobId).ifPresent(job -> log.info("job {} is {}", jobId, job.status()));
 * }
 * }</pre>
 */
public final class EmberStatusTracker {

  private final AppStatusStore store;

  /** Creates a tracker answering from {@code store}. */
  public EmberStatusTracker(AppStatusStore store) {
    this.store = store;
  }

  /** The ids of the known jobs of {@code jobGroup} ({@code null}: jobs with no group), oldest first. */
  public int[] getJobIdsForGroup(String jobGroup) {
    return toArray(store.jobIdsForGroup(jobGroup));
  }

  /** The ids of the running jobs. */
  public int[] getActiveJobIds() {
    return toArray(store.activeJobIds());
  }

  /** The ids of the running stages. */
  public int[] getActiveStageIds() {
    return toArray(store.activeStageIds());
  }

  /** Job {@code jobId}'s stages and status, or empty if it is unknown or no longer retained. */
  public Optional<EmberJobInfo> getJobInfo(int jobId) {
    return store.jobInfo(jobId);
  }

  /** The progress of stage {@code stageId}'s latest attempt, or empty if unknown or no longer retained. */
  public Optional<EmberStageInfo> getStageInfo(int stageId) {
    return store.stageInfo(stageId);
  }

  private static int[] toArray(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }
}
