package dev.ember.status;

import java.util.Objects;

/**
 * A snapshot of the latest attempt of one stage, from {@link EmberStatusTracker#getStageInfo}.
 *
 * @param submissionTime when the attempt was submitted (epoch milliseconds), 0 if it has not been yet
 * @param numActiveTasks task attempts running now
 * @param numCompletedTasks task attempts that succeeded
 * @param numFailedTasks task attempts that failed (killed attempts are not counted)
 */
public record EmberStageInfo(int stageId, int attemptId, long submissionTime, String name, int numTasks,
    int numActiveTasks, int numCompletedTasks, int numFailedTasks) {

  public EmberStageInfo {
    Objects.requireNonNull(name, "name is null");
  }
}
