package dev.ember.scheduler;

import dev.ember.storage.BlockManagerId;
import dev.ember.util.AccumulatorV2;
import java.io.Serializable;
import java.util.List;

/** Why a task attempt ended; everything but {@link Success} is a failure of some kind. */
public sealed interface TaskEndReason extends Serializable {

  /** Whether a failure of this kind counts towards the task's attempt limit. */
  default boolean countTowardsTaskFailures() {
    return true;
  }

  /** A one-line description for logs and error messages. */
  String toErrorString();

  /** The task finished and sent its result. */
  record Success() implements TaskEndReason {
    @Override
    public String toErrorString() {
      return "Success";
    }
  }

  /**
   * The task threw. The exception itself travels when it is serializable; its class, message and stack
   * always do.
   */
  record ExceptionFailure(String className, String description, String stackTrace, Throwable exception,
      List<AccumulatorV2<?, ?>> accumulatorUpdates) implements TaskEndReason {
    @Override
    public String toErrorString() {
      return stackTrace;
    }
  }

  /** The task could not read a shuffle map output; the map stage must run again. */
  record FetchFailed(BlockManagerId address, int shuffleId, long mapId, int mapIndex, int reduceId,
      String message) implements TaskEndReason {
    @Override
    public boolean countTowardsTaskFailures() {
      return false;
    }

    @Override
    public String toErrorString() {
      return "FetchFailed(" + address + ", shuffleId=" + shuffleId + ", mapIndex=" + mapIndex + ", mapId=" + mapId
          + ", reduceId=" + reduceId + ", message=" + message + ")";
    }
  }

  /** The task was asked to stop. */
  record TaskKilled(String reason) implements TaskEndReason {
    @Override
    public boolean countTowardsTaskFailures() {
      return false;
    }

    @Override
    public String toErrorString() {
      return "TaskKilled (" + reason + ")";
    }
  }

  /** The executor running the task was lost. */
  record ExecutorLostFailure(String executorId, boolean causedByApp, String reason) implements TaskEndReason {
    @Override
    public boolean countTowardsTaskFailures() {
      return causedByApp;
    }

    @Override
    public String toErrorString() {
      return "ExecutorLostFailure (executor " + executorId + " exited: " + reason + ")";
    }
  }
}
