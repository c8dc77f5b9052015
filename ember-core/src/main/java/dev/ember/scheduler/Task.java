package dev.ember.scheduler;

import dev.ember.EmberEnv;
import dev.ember.Partition;
import dev.ember.memory.TaskMemoryManager;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Properties;

/**
 * A unit of work sent to an executor: one partition of one stage. The stage's RDD and function travel as
 * serialized bytes shared by all tasks of the stage attempt, and are deserialized by each task, so every task
 * has its own copy of the closures and accumulators.
 *
 * @param <R> the type of the task's result
 */
public abstract class Task<R> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int stageId;
  private final int stageAttemptId;
  private final int jobId;
  private final Partition partition;
  private final byte[] taskBinary;
  private final Properties localProperties;
  private transient volatile TaskContextImpl context;
  private transient volatile String killReason;
  private transient long binaryDeserializeTimeMs;

  protected Task(int stageId, int stageAttemptId, int jobId, Partition partition, byte[] taskBinary,
      Properties localProperties) {
    this.stageId = stageId;
    this.stageAttemptId = stageAttemptId;
    this.jobId = jobId;
    this.partition = partition;
    this.taskBinary = taskBinary;
    this.localProperties = localProperties;
  }

  /**
   * Runs the task on this executor and returns its result. The task context is current on this thread while
   * it runs; completion listeners run and execution memory is released when it ends.
   */
  public final R run(long taskAttemptId, int attemptNumber, EmberEnv env) throws Exception {
    context = new TaskContextImpl(stageId, stageAttemptId, partition.index(), taskAttemptId, attemptNumber,
        localProperties, new TaskMemoryManager(env.memoryManager(), taskAttemptId));
    if (killReason != null) {
      // The kill arrived while the task was being deserialized, before it had a context to mark.
      context.markInterrupted(killReason);
    }
    TaskContextImpl.setCurrentContext(context);
    Throwable failure = null;
    try {
      return runTask(context, env);
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      Throwable listenerError = context.markTaskCompleted();
      context.taskMetrics().updatePeakExecutionMemory(env.memoryManager().executionMemoryUsedByTask(taskAttemptId));
      context.taskMemoryManager().cleanUpAllAllocatedMemory();
      TaskContextImpl.setCurrentContext(null);
      if (listenerError != null && failure == null) {
        throw new IllegalStateException("A task completion listener failed: " + listenerError, listenerError);
      }
    }
  }

  /** Does the task's work with its context current. */
  protected abstract R runTask(TaskContextImpl context, EmberEnv env) throws Exception;

  /** Deserializes the stage's shared bytes: the RDD and the function or dependency. */
  protected final <T> T deserializeBinary(EmberEnv env) {
    long start = System.nanoTime();
    T binary = env.closureSerializer().newInstance().deserialize(ByteBuffer.wrap(taskBinary),
        Thread.currentThread().getContextClassLoader());
    binaryDeserializeTimeMs += (System.nanoTime() - start) / 1_000_000;
    return binary;
  }

  /** How long deserializing the stage's RDD and function took, part of the task's deserialization time. */
  public final long binaryDeserializeTimeMs() {
    return binaryDeserializeTimeMs;
  }

  /** The context of the running task; {@code null} before {@link #run}. */
  public final TaskContextImpl context() {
    return context;
  }

  public final int stageId() {
    return stageId;
  }

  public final int stageAttemptId() {
    return stageAttemptId;
  }

  public final int jobId() {
    return jobId;
  }

  public final int partitionId() {
    return partition.index();
  }

  public final Partition partition() {
    return partition;
  }

  /** Asks the running task to stop. */
  public final void kill(String reason) {
    killReason = reason;
    TaskContextImpl running = context;
    if (running != null) {
      running.markInterrupted(reason);
    }
  }
}
