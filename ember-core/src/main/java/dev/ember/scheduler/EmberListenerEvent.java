package dev.ember.scheduler;

import dev.ember.executor.TaskMetrics;
import java.util.List;
import java.util.Properties;

/** The events the listener bus delivers to {@link EmberListener}s, in the order they happened. */
public interface EmberListenerEvent {

  /** A job was submitted. */
  record JobStart(int jobId, long time, List<StageInfo> stageInfos, Properties properties)
      implements EmberListenerEvent {}

  /** A job ended; {@code failure} is {@code null} on success. */
  record JobEnd(int jobId, long time, Throwable failure) implements EmberListenerEvent {
    public boolean succeeded() {
      return failure == null;
    }
  }

  /** A stage attempt was submitted. */
  record StageSubmitted(StageInfo stageInfo, Properties properties) implements EmberListenerEvent {}

  /** A stage attempt ended, successfully or not (see {@link StageInfo#failureReason()}). */
  record StageCompleted(StageInfo stageInfo) implements EmberListenerEvent {}

  /** A task attempt started. */
  record TaskStart(int stageId, int stageAttemptId, TaskInfo taskInfo) implements EmberListenerEvent {}

  /** A task attempt ended; {@code metrics} is {@code null} when the task did not report any. */
  record TaskEnd(int stageId, int stageAttemptId, String taskType, TaskEndReason reason, TaskInfo taskInfo,
      TaskMetrics metrics) implements EmberListenerEvent {}

  /** The application started. */
  record ApplicationStart(String appName, String appId, long time) implements EmberListenerEvent {}

  /** The application ended. */
  record ApplicationEnd(long time) implements EmberListenerEvent {}
}
