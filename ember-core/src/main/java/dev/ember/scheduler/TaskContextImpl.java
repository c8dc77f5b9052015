package dev.ember.scheduler;

import dev.ember.TaskContext;
import dev.ember.executor.TaskMetrics;
import dev.ember.memory.TaskMemoryManager;
import dev.ember.util.AccumulatorV2;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/** The context of a running task attempt, made by {@link Task#run}. */
public final class TaskContextImpl extends TaskContext implements AccumulatorV2.AccumulatorRegistrar {

  private final int stageId;
  private final int stageAttemptNumber;
  private final int partitionId;
  private final long taskAttemptId;
  private final int attemptNumber;
  private final Properties localProperties;
  private final TaskMemoryManager taskMemoryManager;
  private final TaskMetrics metrics = new TaskMetrics();
  private final Deque<Consumer<TaskContext>> completionListeners = new ArrayDeque<>();
  private final List<AccumulatorV2<?, ?>> accumulators = new ArrayList<>();
  private volatile String killReason;
  private volatile boolean completed;

  public TaskContextImpl(int stageId, int stageAttemptNumber, int partitionId, long taskAttemptId,
      int attemptNumber, Properties localProperties, TaskMemoryManager taskMemoryManager) {
    this.stageId = stageId;
    this.stageAttemptNumber = stageAttemptNumber;
    this.partitionId = partitionId;
    this.taskAttemptId = taskAttemptId;
    this.attemptNumber = attemptNumber;
    this.localProperties = localProperties;
    this.taskMemoryManager = taskMemoryManager;
  }

  @Override
  public int stageId() {
    return stageId;
  }

  @Override
  public int stageAttemptNumber() {
    return stageAttemptNumber;
  }

  @Override
  public int partitionId() {
    return partitionId;
  }

  @Override
  public int attemptNumber() {
    return attemptNumber;
  }

  @Override
  public long taskAttemptId() {
    return taskAttemptId;
  }

  @Override
  public boolean isInterrupted() {
    return killReason != null;
  }

  @Override
  public boolean isCompleted() {
    return completed;
  }

  @Override
  public String getLocalProperty(String key) {
    return localProperties == null ? null : localProperties.getProperty(key);
  }

  @Override
  public TaskMetrics taskMetrics() {
    return metrics;
  }

  /** The task's execution memory, for structures that spill. */
  public TaskMemoryManager taskMemoryManager() {
    return taskMemoryManager;
  }

  @Override
  public synchronized TaskContext addTaskCompletionListener(Consumer<TaskContext> listener) {
    if (completed) {
      listener.accept(this);
    } else {
      completionListeners.push(listener);
    }
    return this;
  }

  @Override
  public synchronized void registerAccumulator(AccumulatorV2<?, ?> accumulator) {
    accumulators.add(accumulator);
  }

  /** The accumulator copies this task updated, to send back with its result. */
  public synchronized List<AccumulatorV2<?, ?>> accumulators() {
    return List.copyOf(accumulators);
  }

  /** Asks the task to stop; it notices at its next check. */
  public void markInterrupted(String reason) {
    killReason = reason;
  }

  /** Why the task was asked to stop, or {@code null}. */
  public String killReason() {
    return killReason;
  }

  /** Runs the completion listeners (last registered first); returns the first error they raised, if any. */
  synchronized Throwable markTaskCompleted() {
    completed = true;
    Throwable first = null;
    while (!completionListeners.isEmpty()) {
      try {
        completionListeners.pop().accept(this);
      } catch (Throwable t) {
        if (first == null) {
          first = t;
        } else {
          first.addSuppressed(t);
        }
      }
    }
    return first;
  }

  /** Makes this the current thread's task context, or clears it. */
  static void setCurrentContext(TaskContext context) {
    TaskContext.setCurrent(context);
  }
}
