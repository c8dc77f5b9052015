package dev.ember.util.collection;

import dev.ember.EmberConf;
import dev.ember.memory.MemoryManager;
import dev.ember.memory.TaskMemoryManager;
import dev.ember.scheduler.TaskContextImpl;
import dev.ember.serializer.KryoSerializer;
import dev.ember.serializer.SerializerManager;
import dev.ember.storage.DiskBlockManager;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A task with its own memory pool and local directory, for testing spilling collections outside a job. */
final class SpillTestSupport implements AutoCloseable {

  final TaskContextImpl context;
  final DiskBlockManager disk;
  final SpillEnv env;

  SpillTestSupport(Path dir, long memoryBytes, long forceSpillThreshold) {
    TaskMemoryManager memory = new TaskMemoryManager(new MemoryManager(memoryBytes, 0.5), 1);
    context = new TaskContextImpl(0, 0, 0, 1, 0, null, memory);
    disk = new DiskBlockManager(dir);
    env = new SpillEnv(context, memory, disk, new KryoSerializer(), new SerializerManager(new EmberConf(false)),
        forceSpillThreshold);
  }

  /** The number of spill files on disk now. */
  long spillFiles() {
    try (Stream<Path> files = Files.walk(disk.root())) {
      return files.filter(p -> p.getFileName().toString().startsWith("temp_spill")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    disk.stop();
  }

  /** A key whose hash code is shared by every key with the same {@code id % 3}. */
  record CollidingKey(int id) implements Serializable {
    @Override
    public int hashCode() {
      return id % 3;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CollidingKey that && that.id == id;
    }
  }
}
