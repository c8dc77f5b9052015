package dev.ember.util.collection;

import dev.ember.memory.MemoryConsumer;
import dev.ember.serializer.SerializerInstance;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory bookkeeping shared by spilling collections. As the in-memory collection grows, it asks the
 * task's memory manager for about twice its current size; when it is denied (or holds more records than the
 * force-spill threshold) it writes a sorted run to disk and gives its memory back. Spills are counted in the
 * task's metrics; spill files are deleted when the collection is {@link #cleanup() cleaned up}, at the latest
 * when the task ends.
 */
abstract class Spillable extends MemoryConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(Spillable.class);
  /** Checking memory every record would cost more than it saves; sizes change little in 32 records. */
  private static final int CHECK_EVERY = 32;

  protected final SpillEnv env;
  protected final SerializerInstance serializer;
  protected final List<SpilledRun> spills = new ArrayList<>();
  private final List<SpilledRun.Reader> readers = new ArrayList<>();
  private long threshold;
  private long elementsSinceSpill;
  private boolean iterating;
  private boolean cleanedUp;

  protected Spillable(SpillEnv env) {
    super(env.memoryManager());
    this.env = env;
    this.serializer = env.serializer().newInstance();
    env.context().addTaskCompletionListener(context -> cleanup());
  }

  /** Writes the in-memory collection as a sorted run and starts a new empty one. */
  protected abstract SpilledRun spillCollection();

  /** The estimated bytes of the in-memory collection. */
  protected abstract long estimatedSize();

  /**
   * Called after each inserted record: spills if the collection outgrew the memory it could get. Asks for
   * the collection's {@link #estimatedSize() size} only when memory is checked (every {@value #CHECK_EVERY}
   * records, or when a spill is forced), not for every record.
   */
  protected final void maybeSpill() {
    elementsSinceSpill++;
    if (elementsSinceSpill % CHECK_EVERY == 0 || elementsSinceSpill > env.numElementsForceSpillThreshold()) {
      checkMemory(estimatedSize());
    }
  }

  private void checkMemory(long currentSize) {
    boolean spill = elementsSinceSpill > env.numElementsForceSpillThreshold();
    if (!spill && elementsSinceSpill % CHECK_EVERY == 0 && currentSize >= threshold) {
      long granted = acquireMemory(2 * currentSize - threshold);
      threshold += granted;
      env.context().taskMetrics().updatePeakExecutionMemory(env.memoryManager().executionMemoryUsed());
      spill = currentSize >= threshold;
    }
    if (spill) {
      doSpill(currentSize);
    }
  }

  private long doSpill(long currentSize) {
    SpilledRun run = spillCollection();
    spills.add(run);
    env.context().taskMetrics().incSpill(currentSize, run.bytesOnDisk());
    LOG.debug("Task {} spilled {} bytes of {} to {} ({} bytes on disk)", env.context().taskAttemptId(),
        currentSize, getClass().getSimpleName(), run.file(), run.bytesOnDisk());
    long held = getUsed();
    freeMemory(held);
    threshold = 0;
    elementsSinceSpill = 0;
    return held;
  }

  /**
   * Spills when another consumer of the task needs memory, while records are still being inserted; once the
   * collection is being iterated it cannot give memory back.
   */
  @Override
  public final long spill(long size, dev.ember.memory.MemoryConsumer trigger) {
    if (trigger == this || iterating || cleanedUp || elementsSinceSpill == 0) {
      return 0;
    }
    return doSpill(estimatedSize());
  }

  /** Marks the end of insertion: from now on the in-memory data is being read and must stay. */
  protected final void startIterating() {
    iterating = true;
  }

  /** Opens a spilled run for reading; the reader is closed at cleanup at the latest. */
  protected final SpilledRun.Reader openSpill(SpilledRun run) {
    SpilledRun.Reader reader = run.open(serializer, env.serializerManager());
    readers.add(reader);
    return reader;
  }

  /** A new spill file. */
  protected final File newSpillFile() {
    return env.diskBlockManager().getFile(env.diskBlockManager().createTempBlock("spill"));
  }

  /** The number of runs spilled so far. */
  final int spillCount() {
    return spills.size();
  }

  /** Deletes the spill files and gives back all memory; safe to call more than once. */
  public void cleanup() {
    if (cleanedUp) {
      return;
    }
    cleanedUp = true;
    for (SpilledRun.Reader reader : readers) {
      reader.close();
    }
    for (SpilledRun run : spills) {
      run.delete();
    }
    freeMemory(getUsed());
  }
}
