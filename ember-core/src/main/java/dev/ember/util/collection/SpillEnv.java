package dev.ember.util.collection;

import dev.ember.EmberConf;
import dev.ember.TaskContext;
import dev.ember.memory.TaskMemoryManager;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerManager;
import dev.ember.storage.DiskBlockManager;
import static java.util.Objects.requireNonNull;

/**
 * What a spilling collection needs from its task and executor: the task (for metrics and cleanup), its
 * memory manager, where to put spill files, how to serialize and compress them, and when to spill regardless
 * of memory.
 *
 * @param numElementsForceSpillThreshold spill after this many records even if memory is granted
 *     ({@code spark.shuffle.spill.numElementsForceSpillThreshold}); {@code Long.MAX_VALUE} for never
 */
public record SpillEnv(TaskContext context, TaskMemoryManager memoryManager, DiskBlockManager diskBlockManager,
    Serializer serializer, SerializerManager serializerManager, long numElementsForceSpillThreshold) {

  public SpillEnv {
    requireNonNull(context, "context is null");
    requireNonNull(memoryManager, "memoryManager is null");
    requireNonNull(diskBlockManager, "diskBlockManager is null");
    requireNonNull(serializer, "serializer is null");
    requireNonNull(serializerManager, "serializerManager is null");
  }

  /** Reads the force-spill threshold from {@code conf}. */
  public static long forceSpillThreshold(EmberConf conf) {
    return conf.getLong("ember.shuffle.spill.numElementsForceSpillThreshold", Long.MAX_VALUE);
  }

  /** The same environment with another serializer. */
  public SpillEnv withSerializer(Serializer other) {
    return new SpillEnv(context, memoryManager, diskBlockManager, other, serializerManager,
        numElementsForceSpillThreshold);
  }
}
