package dev.ember.storage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * What is cached of one persisted RDD, as {@code EmberContext.getRDDStorageInfo()} reports it.
 *
 * @param id the RDD's id
 * @param name the RDD's name, or its class and id when it has none
 * @param numPartitions the number of partitions of the RDD
 * @param storageLevel the level the RDD is persisted at
 * @param numCachedPartitions how many partitions are stored on some executor
 * @param memorySize the bytes its blocks take in memory, over all executors
 * @param diskSize the bytes its blocks take on disk, over all executors
 */
public record RDDInfo(int id, String name, int numPartitions, StorageLevel storageLevel, int numCachedPartitions,
    long memorySize, long diskSize) implements Serializable {

  public RDDInfo {
    requireNonNull(name, "name is null");
    requireNonNull(storageLevel, "storageLevel is null");
  }

  /** Whether any partition is cached. */
  public boolean isCached() {
    return numCachedPartitions > 0;
  }
}
