package dev.ember.scheduler;

import java.util.List;
import java.util.Properties;

/** The tasks of one stage attempt, submitted to the task scheduler together. */
public record TaskSet(List<Task<?>> tasks, int stageId, int stageAttemptId, int jobId, Properties properties) {

  public TaskSet {
    tasks = List.copyOf(tasks);
  }

  /** A name for logs: {@code stage 3.1}. */
  public String id() {
    return "stage " + stageId + "." + stageAttemptId;
  }
}
