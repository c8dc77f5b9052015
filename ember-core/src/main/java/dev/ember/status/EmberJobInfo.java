package dev.ember.status;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one job, from {@link EmberStatusTracker#getJobInfo}.
 *
 * @param stageIds the ids of the job's stages, parents first
 */
public record EmberJobInfo(int jobId, List<Integer> stageIds, JobExecutionStatus status) {

  public EmberJobInfo {
    stageIds = List.copyOf(stageIds);
    Objects.requireNonNull(status, "status is null");
  }
}
