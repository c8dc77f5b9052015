package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.io.CompressionCodec;
import dev.ember.rdd.io.InputPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Whole files as (path, content) pairs, the RDD of {@code wholeTextFiles}. Consecutive files are packed into
 * partitions of about {@code totalSize / minPartitions} bytes; compressed files are decompressed.
 */
public final class WholeTextFileRDD extends RDD<Tuple2<String, String>> {

  private static final long serialVersionUID = 1L;
  private final String path;
  private final int minPartitions;

  /** The files named by {@code path}, packed into about {@code minPartitions} partitions. */
  public WholeTextFileRDD(EmberContext context, String path, int minPartitions) {
    super(context, List.of());
    this.path = path;
    this.minPartitions = minPartitions;
  }

  @Override
  protected Partition[] getPartitions() {
    List<Path> files = InputPaths.resolve(path);
    long[] sizes = new long[files.size()];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sizeOf(files.get(i));
      total += sizes[i];
    }
    long target = Math.max(1, (total + Math.max(1, minPartitions) - 1) / Math.max(1, minPartitions));
    List<Partition> partitions = new ArrayList<>();
    ArrayList<String> current = new ArrayList<>();
    long currentBytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      current.add(files.get(i).toAbsolutePath().toString());
      currentBytes += sizes[i];
      if (currentBytes >= target) {
        partitions.add(new FilesPartition(partitions.size(), current));
        current = new ArrayList<>();
        currentBytes = 0;
      }
    }
    if (!current.isEmpty()) {
      partitions.add(new FilesPartition(partitions.size(), current));
    }
    return partitions.toArray(new Partition[0]);
  }

  @Override
  public Iterator<Tuple2<String, String>> compute(Partition split, TaskContext context) {
    List<String> paths = ((FilesPartition) split).paths();
    return Iterators.map(paths.iterator(), file -> {
      byte[] content = read(Paths.get(file));
      if (context != null) {
        context.taskMetrics().incInput(1, content.length);
      }
      return new Tuple2<>("file:" + file, new String(content, StandardCharsets.UTF_8));
    });
  }

  private static byte[] read(Path file) throws IOException {
    Optional<CompressionCodec> codec = CompressionCodec.forFileName(file.toString());
    if (codec.isEmpty()) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = codec.get().compressedInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of input file " + file, e);
    }
  }

  /** A run of whole files. */
  record FilesPartition(int index, ArrayList<String> paths) implements Partition {}
}
