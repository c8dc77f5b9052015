package dev.ember.storage;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps blocks as files under the executor's local directories. A block is written to a temporary file and
 * renamed into place, so a reader never sees a half-written block.
 */
final class DiskStore {

  /** Writes a block's content to a stream. */
  @FunctionalInterface
  interface BlockWriter {
    void write(OutputStream out) throws IOException;
  }

  private final DiskBlockManager diskBlockManager;
  private final Map<BlockId, Long> sizes = new ConcurrentHashMap<>();

  DiskStore(DiskBlockManager diskBlockManager) {
    this.diskBlockManager = diskBlockManager;
  }

  /** Writes block {@code blockId} with {@code writer}; returns the size of its file. */
  long put(BlockId blockId, BlockWriter writer) {
    File target = diskBlockManager.getFile(blockId);
    File temp = new File(target.getParentFile(), target.getName() + "." + Thread.currentThread().getId() + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp.toPath()), 64 * 1024)) {
        writer.write(out);
      }
      Files.move(temp.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      temp.delete();
      throw e instanceof IOException io
          ? new UncheckedIOException("Could not write block " + blockId.name() + " to " + target, io)
          : (RuntimeException) e;
    }
    long size = target.length();
    sizes.put(blockId, size);
    return size;
  }

  /** Writes {@code bytes} as block {@code blockId}. */
  long putBytes(BlockId blockId, byte[] bytes) {
    return put(blockId, out -> out.write(bytes));
  }

  boolean contains(BlockId blockId) {
    return sizes.containsKey(blockId);
  }

  /** The size of the block's file, 0 if it is not on disk. */
  long getSize(BlockId blockId) {
    return sizes.getOrDefault(blockId, 0L);
  }

  /** The whole block as bytes. */
  byte[] getBytes(BlockId blockId) {
    try {
      return Files.readAllBytes(diskBlockManager.getFile(blockId).toPath());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read block " + blockId.name() + " from local disk", e);
    }
  }

  /** A stream over the block's file; the caller closes it. */
  InputStream open(BlockId blockId) {
    try {
      return Files.newInputStream(diskBlockManager.getFile(blockId).toPath());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read block " + blockId.name() + " from local disk", e);
    }
  }

  /** Deletes the block's file; returns whether it was there. */
  boolean remove(BlockId blockId) {
    if (sizes.remove(blockId) == null) {
      return false;
    }
    diskBlockManager.getFile(blockId).delete();
    return true;
  }
}
