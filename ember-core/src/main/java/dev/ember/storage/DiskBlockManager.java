package dev.ember.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

/**
 * Maps block ids to files under this executor's local directory ({@code spark.local.dir}, by default the
 * system temp directory), spreading them over sub-directories, and deletes everything on {@link #stop()}.
 */
public final class DiskBlockManager {

  private static final int SUB_DIRS = 64;
  private final Path root;
  /** The sub-directories made so far: every shuffle file asks for its directory, which exists after the first. */
  private final AtomicIntegerArray made = new AtomicIntegerArray(SUB_DIRS);

  /** Creates a fresh directory {@code ember-<uuid>} under {@code parent}. */
  public DiskBlockManager(Path parent) {
    try {
      Files.createDirectories(parent);
      this.root = Files.createTempDirectory(parent, "ember-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a local directory under " + parent
          + "; set spark.local.dir to a writable directory.", e);
    }
  }

  /** The file that holds {@code blockId}; its directory exists. */
  public File getFile(BlockId blockId) {
    return getFile(blockId.name());
  }

  /** The file named {@code name}; its directory exists. */
  public File getFile(String name) {
    int sub = Math.floorMod(name.hashCode(), SUB_DIRS);
    Path dir = root.resolve(String.format("%02x", sub));
    if (made.get(sub) == 0) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create local directory " + dir, e);
      }
      made.set(sub, 1);
    }
    return dir.resolve(name).toFile();
  }

  /** A new unique temporary block and its file, e.g. for a spill. */
  public BlockId.TempBlockId createTempBlock(String kind) {
    return new BlockId.TempBlockId(kind, UUID.randomUUID().toString());
  }

  /** The root local directory of this executor. */
  public Path root() {
    return root;
  }

  /** Deletes every file this manager created. */
  public void stop() {
    for (int i = 0; i < SUB_DIRS; i++) {
      made.set(i, 0);
    }
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete local directory " + root, e);
    }
  }
}
