package dev.ember.executor;

import dev.ember.scheduler.TaskState;
import java.nio.ByteBuffer;

/** Where an executor reports task state changes: the local scheduler, or the driver over the network. */
public interface ExecutorBackend {

  /**
   * Reports that task {@code taskId} is now in {@code state}; for a finished task {@code data} holds the
   * serialized {@code DirectTaskResult}, for a failed one the serialized {@code TaskEndReason}.
   */
  void statusUpdate(long taskId, TaskState state, ByteBuffer data);
}
