package dev.ember.sql.execution.adaptive;

import java.util.List;

/**
 * Decides which contiguous ranges of reduce partitions to read as one task, from the bytes the map stages
 * wrote for each (Spark's {@code ShufflePartitionsUtil.coalescePartitions}). Shuffles read together (the two
 * sides of a join) are coalesced with the same ranges, from the sum of their sizes, so they stay
 * co-partitioned.
 */
final class PartitionCoalescer {

  /** A last range smaller than this fraction of the target joins the range before it. */
  private static final double SMALL_PARTITION_FACTOR = 0.2;

  private PartitionCoalescer() {}

  /**
   * The size each range aims at: the total divided by {@code minPartitionNum} (so there is enough parallelism),
   * at most {@code advisoryBytes}, and at least {@code minPartitionBytes}.
   */
  static long targetSize(List<long[]> sizes, AdaptiveSettings settings) {
    long total = 0;
    for (long[] shuffle : sizes) {
      for (long bytes : shuffle) {
        total += bytes;
      }
    }
    long maxTarget = (long) Math.ceil(total / (double) settings.minPartitionNum());
    return Math.max(Math.min(maxTarget, settings.advisoryPartitionBytes()), settings.minPartitionBytes());
  }

  /**
   * The first reduce partition of each range: a range grows while adding the next partition keeps it within
   * {@code targetSize} (a partition bigger than the target is a range of its own), and a tiny last range is
   * merged into the one before it.
   *
   * @param sizes the bytes per reduce partition of each shuffle, all of the same length
   */
  static int[] startIndices(List<long[]> sizes, long targetSize) {
    int n = sizes.get(0).length;
    int[] starts = new int[n];
    long[] rangeSizes = new long[n];
    int count = 0;
    long current = 0;
    for (int i = 0; i < n; i++) {
      long size = 0;
      for (long[] shuffle : sizes) {
        size += shuffle[i];
      }
      if (i == 0 || current + size > targetSize) {
        if (i > 0) {
          rangeSizes[count - 1] = current;
        }
        starts[count++] = i;
        current = 0;
      }
      current += size;
    }
    rangeSizes[count - 1] = current;
    if (count > 1 && rangeSizes[count - 1] < targetSize * SMALL_PARTITION_FACTOR
        && rangeSizes[count - 2] + rangeSizes[count - 1] <= targetSize * (1 + SMALL_PARTITION_FACTOR)) {
      count--;
    }
    int[] result = new int[count];
    System.arraycopy(starts, 0, result, 0, count);
    return result;
  }
}
