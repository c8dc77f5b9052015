package dev.ember.memory;

/**
 * A structure that holds execution memory (a sort buffer, a hash map) and can give it back by spilling to
 * disk. Consumers acquire memory through their task's {@link TaskMemoryManager}; when the pool runs short the
 * manager asks consumers to {@link #spill}.
 */
public abstract class MemoryConsumer {

  private final TaskMemoryManager taskMemoryManager;
  private long used;

  protected MemoryConsumer(TaskMemoryManager taskMemoryManager) {
    this.taskMemoryManager = taskMemoryManager;
  }

  /**
   * Writes some held data to disk and frees memory.
   *
   * @param size how many bytes the caller would like freed
   * @param trigger the consumer whose request caused the spill (possibly this one)
   * @return how many bytes were freed (0 if nothing could be spilled)
   */
  public abstract long spill(long size, MemoryConsumer trigger);

  /** The execution memory this consumer currently holds, in bytes. */
  public final long getUsed() {
    return used;
  }

  /**
   * Asks for {@code bytes} more execution memory; may grant less, after asking other consumers to spill.
   *
   * @return the number of bytes granted
   */
  public final long acquireMemory(long bytes) {
    long granted = taskMemoryManager.acquireExecutionMemory(bytes, this);
    used += granted;
    return granted;
  }

  /** Gives back {@code bytes} of execution memory. */
  public final void freeMemory(long bytes) {
    long freed = Math.min(bytes, used);
    taskMemoryManager.releaseExecutionMemory(freed, this);
    used -= freed;
  }

  /** The manager of the task this consumer belongs to. */
  protected final TaskMemoryManager taskMemoryManager() {
    return taskMemoryManager;
  }
}
