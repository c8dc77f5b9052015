package dev.ember.scheduler;

import dev.ember.storage.BlockManagerId;
import java.io.Serializable;
import java.util.BitSet;
import java.util.Objects;

/**
 * What a finished map task reports: where its shuffle output is and about how many bytes each reduce
 * partition's slice has (0 means the slice is empty and need not be fetched).
 *
 * <p>The driver keeps one status per map task of every live shuffle, so sizes are stored compactly, as in
 * Spark: one byte per reduce partition on a logarithmic scale (within 10% of the true size), and above
 * {@value #HIGHLY_COMPRESSED_THRESHOLD} partitions only the average non-empty size and a bitmap of the empty
 * slices. A job with thousands of partitions on each side of a shuffle then costs kilobytes per map task on
 * the driver, not megabytes.
 */
public final class MapStatus implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Above this many reduce partitions, per-slice sizes are replaced by their average. */
  public static final int HIGHLY_COMPRESSED_THRESHOLD = 2000;
  private static final double LOG_BASE = 1.1;

  private final BlockManagerId location;
  private final long mapId;
  private final int numPartitions;
  private final byte[] compressedSizes;
  private final BitSet emptyBlocks;
  private final long averageSize;

  /**
   * @param mapId the unique id of the map task attempt that wrote the output
   * @param partitionSizes the exact size in bytes of each reduce partition's slice
   */
  public MapStatus(BlockManagerId location, long mapId, long[] partitionSizes) {
    this.location = Objects.requireNonNull(location, "location is null");
    this.mapId = mapId;
    this.numPartitions = partitionSizes.length;
    if (partitionSizes.length > HIGHLY_COMPRESSED_THRESHOLD) {
      BitSet empty = new BitSet(partitionSizes.length);
      long total = 0;
      int nonEmpty = 0;
      for (int i = 0; i < partitionSizes.length; i++) {
        if (partitionSizes[i] == 0) {
          empty.set(i);
        } else {
          total += partitionSizes[i];
          nonEmpty++;
        }
      }
      this.emptyBlocks = empty;
      this.averageSize = nonEmpty == 0 ? 0 : total / nonEmpty;
      this.compressedSizes = null;
    } else {
      this.compressedSizes = new byte[partitionSizes.length];
      for (int i = 0; i < partitionSizes.length; i++) {
        compressedSizes[i] = compressSize(partitionSizes[i]);
      }
      this.emptyBlocks = null;
      this.averageSize = 0;
    }
  }

  /** Where the output lives. */
  public BlockManagerId location() {
    return location;
  }

  /** The unique id of the map task attempt that wrote the output. */
  public long mapId() {
    return mapId;
  }

  /** The number of reduce partitions. */
  public int numPartitions() {
    return numPartitions;
  }

  /** About how many bytes reduce partition {@code reduceId}'s slice has; exactly 0 when it is empty. */
  public long sizeOf(int reduceId) {
    if (compressedSizes != null) {
      return decompressSize(compressedSizes[reduceId]);
    }
    return emptyBlocks.get(reduceId) ? 0 : Math.max(1, averageSize);
  }

  /** About how many bytes the whole output has. */
  public long totalSize() {
    long total = 0;
    for (int i = 0; i < numPartitions; i++) {
      total += sizeOf(i);
    }
    return total;
  }

  /** Encodes a size in one byte: 0 stays 0, anything else becomes the nearest power of 1.1 at or above it. */
  static byte compressSize(long size) {
    if (size == 0) {
      return 0;
    }
    if (size <= 1) {
      return 1;
    }
    return (byte) Math.min(255, (int) Math.ceil(Math.log(size) / Math.log(LOG_BASE)));
  }

  /** Decodes a size written by {@link #compressSize}. */
  static long decompressSize(byte compressed) {
    int code = compressed & 0xFF;
    return code == 0 ? 0 : (long) Math.pow(LOG_BASE, code);
  }

  @Override
  public String toString() {
    return "MapStatus(" + location + ", mapId=" + mapId + ", partitions=" + numPartitions + ")";
  }
}
