package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.rdd.io.LocalPaths;
import dev.ember.serializer.JavaSerializer;
import dev.ember.serializer.SerializerInstance;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Reads object files written by {@link RDD#saveAsObjectFile}: one partition per {@code part-NNNNN} file, or
 * more when {@code minPartitions} asks for it, each file then split between frames.
 */
public final class ObjectFileRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final String path;
  private final int minPartitions;

  /**
   * @param path the directory written by {@code saveAsObjectFile}
   * @param minPartitions the least number of partitions wanted
   */
  public ObjectFileRDD(EmberContext context, String path, int minPartitions) {
    super(context, List.of());
    this.path = LocalPaths.toLocal(path).toString();
    this.minPartitions = minPartitions;
  }

  @Override
  protected Partition[] getPartitions() {
    List<Path> files = partFiles();
    int splitsPerFile = files.isEmpty() ? 1 : Math.max(1, (minPartitions + files.size() - 1) / files.size());
    List<Partition> partitions = new ArrayList<>();
    for (Path file : files) {
      for (long[] range : splitFile(file, splitsPerFile)) {
        partitions.add(new FileSplit(partitions.size(), file.toString(), range[0], range[1]));
      }
    }
    return partitions.toArray(new Partition[0]);
  }

  private List<Path> partFiles() {
    Path dir = Path.of(path);
    if (!Files.isDirectory(dir)) {
      throw new EmberException("PATH_NOT_FOUND", "Input path does not exist: " + dir.toUri());
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + dir, e);
    }
  }

  /** Cuts {@code file} into up to {@code splits} byte ranges at frame boundaries, reading only frame headers. */
  private static List<long[]> splitFile(Path file, int splits) {
    try {
      long size = Files.size(file);
      if (splits <= 1 || size == 0) {
        return Collections.singletonList(new long[] {0, size});
      }
      List<Long> frameStarts = new ArrayList<>();
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        long offset = 0;
        while (offset < size) {
          frameStarts.add(offset);
          int length = in.readInt();
          in.skipNBytes(length);
          offset += 4L + length;
        }
      }
      List<long[]> ranges = new ArrayList<>();
      long target = (size + splits - 1) / splits;
      long start = 0;
      for (long frameStart : frameStarts) {
        if (frameStart - start >= target) {
          ranges.add(new long[] {start, frameStart});
          start = frameStart;
        }
      }
      ranges.add(new long[] {start, size});
      return ranges;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read object file " + file, e);
    }
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    FileSplit fileSplit = (FileSplit) split;
    try {
      InputStream raw = Files.newInputStream(Path.of(fileSplit.file()));
      raw.skipNBytes(fileSplit.start());
      DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 64 * 1024));
      context.addTaskCompletionListener(c -> closeQuietly(in));
      context.taskMetrics().incInput(0, fileSplit.end() - fileSplit.start());
      return new FrameIterator<>(in, fileSplit.end() - fileSplit.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read object file " + fileSplit.file(), e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A byte range of one object file, starting and ending at frame boundaries. */
  private record FileSplit(int index, String file, long start, long end) implements Partition {}

  /** The records of the frames in a byte range. */
  private static final class FrameIterator<T> implements Iterator<T> {
    private final DataInputStream in;
    private final SerializerInstance java = new JavaSerializer().newInstance();
    private long remaining;
    private Iterator<Object> batch = Collections.emptyIterator();

    FrameIterator(DataInputStream in, long length) {
      this.in = in;
      this.remaining = length;
    }

    @Override
    public boolean hasNext() {
      while (!batch.hasNext() && remaining > 0) {
        try {
          int length = in.readInt();
          byte[] bytes = in.readNBytes(length);
          if (bytes.length < length) {
            throw new EOFException("truncated frame");
          }
          remaining -= 4L + length;
          Object[] records = java.deserialize(ByteBuffer.wrap(bytes));
          batch = Arrays.asList(records).iterator();
        } catch (IOException e) {
          throw new UncheckedIOException("Corrupt or truncated object file", e);
        }
      }
      return batch.hasNext();
    }

    @SuppressWarnings("unchecked")
    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return (T) batch.next();
    }
  }
}
