package dev.ember.sql.execution.datasources;

import dev.ember.TaskContext;
import dev.ember.rdd.io.FileSplit;
import java.io.File;

/**
 * The file block the running task is reading, as Spark's {@code InputFileBlockHolder}: the file scan records it
 * when it opens a file, and {@code input_file_name()} and friends read it while evaluating a batch from that
 * file in the same task (a filter or project above the scan runs on the scan's thread as it pulls batches). The
 * block is tied to the task that set it, so a thread reused by a later task that scans no file sees none.
 */
public final class InputFileBlock {

  private static final ThreadLocal<Block> CURRENT = new ThreadLocal<>();

  private record Block(TaskContext owner, String uri, long start, long length) {}

  private InputFileBlock() {}

  /** Records that the running task now reads {@code split}. */
  static void set(FileSplit split) {
    String uri = new File(split.path()).toURI().toString();
    CURRENT.set(new Block(TaskContext.get(), uri, split.start(), split.length()));
  }

  private static Block current() {
    Block block = CURRENT.get();
    return block != null && block.owner() == TaskContext.get() ? block : null;
  }

  /** The URI of the file being read, or "" when the running task reads no file. */
  public static String fileName() {
    Block block = current();
    return block == null ? "" : block.uri();
  }

  /** The first byte of the block being read, or -1 when the running task reads no file. */
  public static long start() {
    Block block = current();
    return block == null ? -1 : block.start();
  }

  /** The length of the block being read, or -1 when the running task reads no file. */
  public static long length() {
    Block block = current();
    return block == null ? -1 : block.length();
  }
}
