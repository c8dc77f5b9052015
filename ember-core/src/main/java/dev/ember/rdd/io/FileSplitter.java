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
 *
 * <p>Where the maximum caps the split size, the number of splits is rounded up to a multiple of
 * {@code minPartitions} (the cores a job is expected to run on) and the input shared evenly among them, so
 * the last wave of tasks keeps every core busy: 200 MB capped at 32 MB on 2 cores is 8 splits of 25 MB (four
 * full waves) rather than Hadoop's six of 32 MB and one of 8 MB, whose last wave leaves a core idle.
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
    long splitSize = goal > maxSplitBytes ? balancedSplitSize(total, minPartitions, maxSplitBytes)
        : Math.max(1, goal);
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

  /**
   * The split size at most {@code maxSplitBytes} that cuts {@code total} bytes into a multiple of
   * {@code minPartitions} splits of equal size.
   */
  static long balancedSplitSize(long total, int minPartitions, long maxSplitBytes) {
    long waves = Math.max(1, minPartitions);
    long splits = ceilDiv(total, Math.max(1, maxSplitBytes));
    splits = ceilDiv(splits, waves) * waves;
    return Math.max(1, ceilDiv(total, splits));
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of input file " + file, e);
    }
  }
}
