package dev.ember.rdd.io;

import dev.ember.TaskContext;
import dev.ember.io.CompressionCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of one {@link FileSplit}, with Hadoop's boundary rule so that splits of one file together yield
 * every line exactly once: a split that does not start at byte 0 skips its first (possibly partial) line,
 * which belongs to the previous split, and every split reads on past its end to finish the line that starts
 * at or before its end. Compressed files are decompressed and read whole.
 *
 * <p>Counts records and bytes into the task's input metrics when done, and closes the file when exhausted or
 * when the task ends, whichever comes first.
 */
public final class SplitLineIterator implements Iterator<String>, AutoCloseable {

  private final FileSplit split;
  private final TaskContext taskContext;
  private final LineReader reader;
  private final long end;
  private long position;
  private long records;
  private String nextLine;
  private boolean done;
  private boolean closed;

  /** Opens {@code split}; {@code taskContext} may be {@code null} outside a task. */
  public SplitLineIterator(FileSplit split, TaskContext taskContext) {
    this.split = split;
    this.taskContext = taskContext;
    try {
      this.reader = new LineReader(open(split));
      if (split.splittable()) {
        this.position = split.start();
        this.end = split.end();
        if (position != 0 && reader.readLine() != null) {
          position += reader.lastLineBytes();
        }
      } else {
        this.end = Long.MAX_VALUE;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + split.path(), e);
    }
    if (taskContext != null) {
      taskContext.addTaskCompletionListener(tc -> close());
    }
  }

  private static InputStream open(FileSplit split) throws IOException {
    Path path = Paths.get(split.path());
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    InputStream raw = Channels.newInputStream(channel.position(split.splittable() ? split.start() : 0));
    if (split.splittable()) {
      return raw;
    }
    try {
      return CompressionCodec.forFileName(split.path()).orElseThrow().compressedInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (nextLine == null && !done) {
      advance();
    }
    return nextLine != null;
  }

  private void advance() {
    try {
      String line = position <= end ? reader.readLine() : null;
      if (line == null) {
        done = true;
        close();
      } else {
        position += reader.lastLineBytes();
        records++;
        nextLine = line;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + split.path(), e);
    }
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String line = nextLine;
    nextLine = null;
    return line;
  }

  /** Closes the file and reports the input metrics; safe to call more than once. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close " + split.path(), e);
    }
    if (taskContext != null) {
      long bytes = split.splittable() ? position - split.start() : split.length();
      taskContext.taskMetrics().incInput(records, bytes);
    }
  }
}
