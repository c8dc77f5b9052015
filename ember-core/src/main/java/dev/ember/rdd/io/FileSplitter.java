package dev.ember.rdd.io;

import dev.ember.io.CompressionCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts input files into splits as Hadoop's {@code FileInputFormat.getSplits} does: the split size is the total
 * size divided by the minimum number of partitions, capped by a maximum ({@code ember.files.maxPartitionBytes});
 * a file's last split may be up to 10% larger than the split size rather than leave a sliver. Compressed files
 * and empty files are one split each.
 */
public final class FileSplitter {

  /** How much larger than the split size a file's last split may be. */
  private static final double SPLIT_SLOP = 1.1;

  private FileSplitter() {}

  /** The splits of {@code files}, in file order, aiming at no fewer than {@code minPartitions}. */
  public static List<FileSplit> split(List<Path> files, int minPartitions, long maxSplitBytes) {
    long[] sizes = new long[files.size()];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sizeOf(files.get(i));
      total += sizes[i];
    }
    long goal = total / Math.max(1, minPartitions);
    long splitSize = Math.max(1, Math.min(goal, maxSplitBytes));
    List<FileSplit> splits = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      String path = files.get(i).toAbsolutePath().toString();
      boolean splittable = CompressionCodec.forFileName(path).isEmpty();
      if (!splittable || sizes[i] == 0) {
        splits.add(new FileSplit(path, 0, sizes[i], splittable));
        continue;
      }
      long remaining = sizes[i];
      while ((double) remaining / splitSize > SPLIT_SLOP) {
        splits.add(new FileSplit(path, sizes[i] - remaining, splitSize, true));
        remaining -= splitSize;
      }
      splits.add(new FileSplit(path, sizes[i] - remaining, remaining, true));
    }
    return splits;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of input file " + file, e);
    }
  }
}
