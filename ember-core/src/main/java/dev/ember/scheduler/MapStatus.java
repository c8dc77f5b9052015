package dev.ember.scheduler;

import dev.ember.storage.BlockManagerId;
import java.io.Serializable;

/**
 * What a finished map task reports: where its shuffle output is and how many bytes each reduce partition's
 * slice has (0 means the slice is empty and need not be fetched).
 *
 * @param mapId the unique id of the map task attempt that wrote the output
 */
public record MapStatus(BlockManagerId location, long mapId, long[] partitionSizes) implements Serializable {

  /** The size in bytes of reduce partition {@code reduceId}'s slice. */
  public long sizeOf(int reduceId) {
    return partitionSizes[reduceId];
  }

  /** The total size of the output in bytes. */
  public long totalSize() {
    long total = 0;
    for (long size : partitionSizes) {
      total += size;
    }
    return total;
  }
}
