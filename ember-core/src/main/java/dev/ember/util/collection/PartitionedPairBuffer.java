package dev.ember.util.collection;

import dev.ember.util.SizeEstimator;
import java.util.Comparator;

/**
 * An append-only buffer of key-value pairs with their partition ids, in primitive-friendly parallel arrays
 * (no object per record). Tracks an estimate of its size by sampling records with a {@link SizeEstimator}.
 */
final class PartitionedPairBuffer {

  private static final int INITIAL_CAPACITY = 64;
  private static final int MAX_CAPACITY = (Integer.MAX_VALUE - 16) / 2;
  private static final int SAMPLE_EVERY = 64;

  private Object[] kv = new Object[2 * INITIAL_CAPACITY];
  private int[] partitions = new int[INITIAL_CAPACITY];
  private int size;

  private long sampledBytes;
  private long sampledRecords;

  /** Appends one record. */
  void insert(int partition, Object key, Object value) {
    if (size == partitions.length) {
      grow();
    }
    kv[2 * size] = key;
    kv[2 * size + 1] = value;
    partitions[size] = partition;
    if (size % SAMPLE_EVERY == 0) {
      sampledBytes += SizeEstimator.estimate(key) + SizeEstimator.estimate(value);
      sampledRecords++;
    }
    size++;
  }

  private void grow() {
    if (partitions.length == MAX_CAPACITY) {
      throw new IllegalStateException("Cannot buffer more than " + MAX_CAPACITY + " records in memory.");
    }
    int capacity = (int) Math.min(MAX_CAPACITY, 2L * partitions.length);
    Object[] newKv = new Object[2 * capacity];
    System.arraycopy(kv, 0, newKv, 0, 2 * size);
    int[] newPartitions = new int[capacity];
    System.arraycopy(partitions, 0, newPartitions, 0, size);
    kv = newKv;
    partitions = newPartitions;
  }

  int size() {
    return size;
  }

  /** The estimated bytes held: the arrays plus the records. */
  long estimateSize() {
    long perRecord = sampledRecords == 0 ? 0 : sampledBytes / sampledRecords;
    return 32L + 4L * kv.length + 4L * partitions.length + size * perRecord;
  }

  /** Sorts the records by partition, then key when {@code keyComparator} is given; the buffer is spent. */
  SortedRun destructiveSortedRun(boolean singlePartition, Comparator<?> keyComparator) {
    int[] ids = singlePartition ? null : partitions;
    KVSorter.sort(kv, ids, size, keyComparator);
    return new SortedRun(kv, ids, size);
  }
}
