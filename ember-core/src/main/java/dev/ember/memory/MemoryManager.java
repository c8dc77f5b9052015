package dev.ember.memory;

import dev.ember.EmberConf;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * One pool of memory shared by execution (shuffles, joins, sorts) and storage (cached blocks), a fraction of
 * the heap ({@code spark.memory.fraction}, default 0.6, of the heap less 300 MB reserved). Storage may borrow
 * all free memory; execution may take back memory storage holds above {@code spark.memory.storageFraction}
 * by evicting cached blocks. Each running task is guaranteed at least 1/(2N) of the execution memory, and may
 * hold at most 1/N, where N is the number of running tasks, so one task cannot starve the others.
 */
public final class MemoryManager {

  private static final long RESERVED_BYTES = 300L * 1024 * 1024;

  private final long maxMemory;
  private final long storageRegion;
  private long storageUsed;
  private long executionUsed;
  private final Map<Long, Long> executionByTask = new HashMap<>();
  private volatile LongUnaryOperator storageEvictor = bytes -> 0;

  /** Creates a pool of exactly {@code maxMemory} bytes, with {@code storageFraction} of it protected. */
  public MemoryManager(long maxMemory, double storageFraction) {
    if (maxMemory <= 0) {
      throw new IllegalArgumentException("Memory pool must be positive, but is " + maxMemory + " bytes.");
    }
    this.maxMemory = maxMemory;
    this.storageRegion = (long) (maxMemory * storageFraction);
  }

  /** Sizes the pool from the configuration and the JVM's maximum heap. */
  public static MemoryManager fromConf(EmberConf conf) {
    long heap = conf.contains("ember.testing.memory")
        ? conf.getLong("ember.testing.memory", 0)
        : Runtime.getRuntime().maxMemory();
    double fraction = conf.getDouble("ember.memory.fraction", 0.6);
    long reserved = conf.contains("ember.testing.reservedMemory")
        ? conf.getLong("ember.testing.reservedMemory", 0)
        : Math.min(RESERVED_BYTES, heap / 4);
    long usable = (long) ((heap - reserved) * fraction);
    return new MemoryManager(Math.max(usable, 1), conf.getDouble("ember.memory.storageFraction", 0.5));
  }

  /**
   * Sets the callback that evicts cached blocks: given a number of bytes wanted, it evicts blocks and
   * returns how many bytes it freed (after releasing them through {@link #releaseStorageMemory}).
   */
  public void setStorageEvictor(LongUnaryOperator evictor) {
    this.storageEvictor = evictor;
  }

  /** The size of the whole pool in bytes. */
  public long maxMemory() {
    return maxMemory;
  }

  /**
   * Grants up to {@code bytes} of execution memory to task {@code taskAttemptId}, evicting cached blocks
   * above the protected storage region if needed. Returns the number of bytes granted, possibly 0.
   */
  public long acquireExecutionMemory(long bytes, long taskAttemptId) {
    long freeNow;
    synchronized (this) {
      executionByTask.putIfAbsent(taskAttemptId, 0L);
      freeNow = maxMemory - executionUsed - storageUsed;
    }
    if (freeNow < bytes) {
      long borrowedByStorage;
      synchronized (this) {
        borrowedByStorage = Math.max(0, storageUsed - storageRegion);
      }
      long toEvict = Math.min(bytes - freeNow, borrowedByStorage);
      if (toEvict > 0) {
        storageEvictor.applyAsLong(toEvict);
      }
    }
    synchronized (this) {
      int activeTasks = Math.max(1, executionByTask.size());
      long executionPool = maxMemory - Math.min(storageUsed, storageRegion);
      long maxPerTask = executionPool / activeTasks;
      long held = executionByTask.getOrDefault(taskAttemptId, 0L);
      long free = maxMemory - executionUsed - storageUsed;
      long grant = Math.max(0, Math.min(bytes, Math.min(free, maxPerTask - held)));
      executionUsed += grant;
      executionByTask.put(taskAttemptId, held + grant);
      return grant;
    }
  }

  /** Returns {@code bytes} of execution memory held by {@code taskAttemptId}. */
  public synchronized void releaseExecutionMemory(long bytes, long taskAttemptId) {
    long held = executionByTask.getOrDefault(taskAttemptId, 0L);
    long released = Math.min(bytes, held);
    executionUsed -= released;
    executionByTask.put(taskAttemptId, held - released);
    notifyAll();
  }

  /** Frees all execution memory of a finished task; returns how much it still held. */
  public synchronized long releaseAllExecutionMemoryForTask(long taskAttemptId) {
    Long held = executionByTask.remove(taskAttemptId);
    long bytes = held == null ? 0 : held;
    executionUsed -= bytes;
    notifyAll();
    return bytes;
  }

  /**
   * Reserves {@code bytes} for a cached block, evicting other blocks if the pool is full. Storage may use all
   * memory execution does not.
   *
   * @return whether the memory was granted
   */
  public boolean acquireStorageMemory(long bytes) {
    if (bytes > maxMemory) {
      return false;
    }
    long missing;
    synchronized (this) {
      missing = bytes - (maxMemory - executionUsed - storageUsed);
    }
    if (missing > 0) {
      storageEvictor.applyAsLong(missing);
    }
    synchronized (this) {
      if (maxMemory - executionUsed - storageUsed >= bytes) {
        storageUsed += bytes;
        return true;
      }
      return false;
    }
  }

  /** Returns {@code bytes} of storage memory. */
  public synchronized void releaseStorageMemory(long bytes) {
    storageUsed = Math.max(0, storageUsed - bytes);
  }

  public synchronized long storageMemoryUsed() {
    return storageUsed;
  }

  public synchronized long executionMemoryUsed() {
    return executionUsed;
  }

  /** The execution memory held by one task. */
  public synchronized long executionMemoryUsedByTask(long taskAttemptId) {
    return executionByTask.getOrDefault(taskAttemptId, 0L);
  }
}
