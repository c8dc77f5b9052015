package dev.ember;

import java.util.Objects;

/**
 * How much a finished shuffle map stage wrote for each reduce partition, summed over all its map tasks (each
 * map task's sizes are the compact estimates of its {@code MapStatus}). Adaptive query execution reads these to
 * decide how many reduce tasks to run, as Spark's {@code MapOutputStatistics}.
 *
 * @param shuffleId the shuffle
 * @param bytesByPartitionId about how many bytes each reduce partition will read
 */
public record MapOutputStatistics(int shuffleId, long[] bytesByPartitionId) {

  /** Validates the fields. */
  public MapOutputStatistics {
    Objects.requireNonNull(bytesByPartitionId, "bytesByPartitionId is null");
  }

  /** The bytes of all reduce partitions together. */
  public long totalBytes() {
    long total = 0;
    for (long bytes : bytesByPartitionId) {
      total += bytes;
    }
    return total;
  }
}
