package dev.ember.scheduler;

import java.util.List;
import java.util.Properties;

/**
 * The tasks of one stage attempt, submitted to the task scheduler together, with where each would like to
 * run.
 *
 * @param preferredLocations the preferred locations of each task, by index; empty when no task has any
 */
public record TaskSet(List<Task<?>> tasks, int stageId, int stageAttemptId, int jobId, Properties properties,
    List<List<TaskLocation>> preferredLocations) {

  public TaskSet {
    tasks = List.copyOf(tasks);
    preferredLocations = List.copyOf(preferredLocations);
    if (!preferredLocations.isEmpty() && preferredLocations.size() != tasks.size()) {
      throw new IllegalArgumentException("preferredLocations has " + preferredLocations.size() + " entries for "
          + tasks.size() + " tasks");
    }
  }

  /** A task set whose tasks prefer no location. */
  public TaskSet(List<Task<?>> tasks, int stageId, int stageAttemptId, int jobId, Properties properties) {
    this(tasks, stageId, stageAttemptId, jobId, properties, List.of());
  }

  /** Where task {@code index} would like to run; empty if anywhere. */
  public List<TaskLocation> preferredLocations(int index) {
    return preferredLocations.isEmpty() ? List.of() : preferredLocations.get(index);
  }

  /** A name for logs: {@code stage 3.1}. */
  public String id() {
    return "stage " + stageId + "." + stageAttemptId;
  }
}
