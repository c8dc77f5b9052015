package dev.ember.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The execution memory of one task: hands out memory from the shared {@link MemoryManager} to the task's
 * consumers, and when the pool is short, asks the task's other consumers (largest first) and then the
 * requester itself to spill.
 */
public final class TaskMemoryManager {

  private final MemoryManager memoryManager;
  private final long taskAttemptId;
  private final Set<MemoryConsumer> consumers = new LinkedHashSet<>();

  public TaskMemoryManager(MemoryManager memoryManager, long taskAttemptId) {
    this.memoryManager = memoryManager;
    this.taskAttemptId = taskAttemptId;
  }

  /** Grants up to {@code required} bytes to {@code requester}, spilling other consumers if needed. */
  public synchronized long acquireExecutionMemory(long required, MemoryConsumer requester) {
    if (required <= 0) {
      return 0;
    }
    long got = memoryManager.acquireExecutionMemory(required, taskAttemptId);
    if (got < required) {
      List<MemoryConsumer> others = new ArrayList<>(consumers);
      others.remove(requester);
      others.sort(Comparator.comparingLong(MemoryConsumer::getUsed).reversed());
      for (MemoryConsumer other : others) {
        if (got >= required) {
          break;
        }
        if (other.getUsed() > 0) {
          long released = other.spill(required - got, requester);
          if (released > 0) {
            got += memoryManager.acquireExecutionMemory(required - got, taskAttemptId);
          }
        }
      }
    }
    if (got < required && requester != null && requester.getUsed() > 0) {
      long released = requester.spill(required - got, requester);
      if (released > 0) {
        got += memoryManager.acquireExecutionMemory(required - got, taskAttemptId);
      }
    }
    if (requester != null) {
      consumers.add(requester);
    }
    return got;
  }

  /** Returns {@code bytes} of execution memory held by {@code consumer} to the pool. */
  public synchronized void releaseExecutionMemory(long bytes, MemoryConsumer consumer) {
    memoryManager.releaseExecutionMemory(bytes, taskAttemptId);
  }

  /** Frees everything the task still holds, when it ends; returns how many bytes were still held. */
  public synchronized long cleanUpAllAllocatedMemory() {
    consumers.clear();
    return memoryManager.releaseAllExecutionMemoryForTask(taskAttemptId);
  }

  /** The task's consumers, for metrics and tests. */
  public synchronized Set<MemoryConsumer> consumers() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(consumers));
  }

  /** The execution memory the task holds now, over all its consumers. */
  public long executionMemoryUsed() {
    return memoryManager.executionMemoryUsedByTask(taskAttemptId);
  }

  /** The id of the task attempt this manager serves. */
  public long taskAttemptId() {
    return taskAttemptId;
  }
}
