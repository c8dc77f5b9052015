package dev.ember.sql.execution.spill;

import dev.ember.EmberEnv;
import dev.ember.TaskContext;
import dev.ember.memory.TaskMemoryManager;
import dev.ember.scheduler.TaskContextImpl;
import dev.ember.serializer.SerializerManager;
import dev.ember.storage.DiskBlockManager;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a spilling SQL operator needs from the task it runs in: the task's memory manager, new spill files
 * from the executor's disk block manager, the spill compression settings, and the task metrics where spills
 * are counted. Every file handed out is deleted when the task ends, successfully or not.
 */
public final class TaskSpill {

  private static final Logger LOG = LoggerFactory.getLogger(TaskSpill.class);

  private final TaskContext context;
  private final TaskMemoryManager memoryManager;
  private final DiskBlockManager diskBlockManager;
  private final SerializerManager serializerManager;
  private final List<File> files = new ArrayList<>();

  private TaskSpill(TaskContext context, TaskMemoryManager memoryManager, DiskBlockManager diskBlockManager,
      SerializerManager serializerManager) {
    this.context = context;
    this.memoryManager = memoryManager;
    this.diskBlockManager = diskBlockManager;
    this.serializerManager = serializerManager;
    context.addTaskCompletionListener(done -> deleteAll());
  }

  /** The spill context of the task running on this thread. */
  public static TaskSpill forCurrentTask() {
    TaskContext context = TaskContext.get();
    if (!(context instanceof TaskContextImpl task)) {
      throw new IllegalStateException("SQL operators spill only inside tasks, but the task context is " + context);
    }
    EmberEnv env = EmberEnv.get();
    return new TaskSpill(context, task.taskMemoryManager(), env.blockManager().diskBlockManager(),
        new SerializerManager(env.conf()));
  }

  /** The task's execution memory. */
  public TaskMemoryManager memoryManager() {
    return memoryManager;
  }

  /** Compression of spill files ({@code spark.shuffle.spill.compress}, the core's codec). */
  SerializerManager serializerManager() {
    return serializerManager;
  }

  /** A new spill file, deleted at task end at the latest. */
  public synchronized File newFile() {
    File file = diskBlockManager.getFile(diskBlockManager.createTempBlock("spill"));
    files.add(file);
    return file;
  }

  /** Counts a spill in the task metrics: its estimated in-memory size and its bytes on disk. */
  public void recordSpill(long memoryBytes, long diskBytes) {
    context.taskMetrics().incSpill(memoryBytes, diskBytes);
    LOG.debug("Task {} spilled {} bytes of memory to {} bytes on disk", context.taskAttemptId(), memoryBytes,
        diskBytes);
  }

  /** Deletes {@code file} now, before the task ends. */
  public synchronized void delete(File file) {
    if (files.remove(file) && !file.delete() && file.exists()) {
      LOG.warn("Could not delete spill file {}", file);
    }
  }

  private synchronized void deleteAll() {
    for (File file : files) {
      if (!file.delete() && file.exists()) {
        LOG.warn("Could not delete spill file {}", file);
      }
    }
    files.clear();
  }
}
