package dev.ember.sql.execution.spill;

import dev.ember.memory.MemoryConsumer;

/**
 * A memory consumer for a structure that grows: it asks the task for memory as the structure's estimated
 * size grows (doubling, so requests are few), and when it is denied, its owner spills the structure and
 * starts over with no memory. Other consumers of the task may also ask it to spill while it is still being
 * filled; once its contents are being read it keeps them.
 */
public abstract class SpillableConsumer extends MemoryConsumer {

  /** The smallest request, so a growing structure does not ask the memory manager for every few rows. */
  private static final long MIN_REQUEST = 256 * 1024;

  private final TaskSpill spill;

  protected SpillableConsumer(TaskSpill spill) {
    super(spill.memoryManager());
    this.spill = spill;
  }

  /** The task's spill files and metrics. */
  protected final TaskSpill taskSpill() {
    return spill;
  }

  /**
   * Makes sure this consumer holds at least {@code bytes}, asking for more memory if needed.
   *
   * @return false when the task could not grant it: the caller should spill
   */
  protected final boolean reserve(long bytes) {
    long used = getUsed();
    if (bytes <= used) {
      return true;
    }
    acquireMemory(Math.max(bytes - used, Math.max(MIN_REQUEST, used)));
    return getUsed() >= bytes;
  }

  /** Gives back all memory this consumer holds. */
  protected final void releaseAll() {
    freeMemory(getUsed());
  }

  /** Whether the structure holds data and is still being filled, so that it may spill on request. */
  protected abstract boolean canSpillNow();

  /** Writes the structure to disk and empties it; memory is released by the caller. */
  protected abstract void spillHeld();

  @Override
  public final long spill(long size, MemoryConsumer trigger) {
    if (trigger == this || !canSpillNow()) {
      return 0;
    }
    long held = getUsed();
    spillHeld();
    releaseAll();
    return held;
  }
}
