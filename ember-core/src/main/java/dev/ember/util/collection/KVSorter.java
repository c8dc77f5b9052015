package dev.ember.util.collection;

import java.util.Comparator;

/**
 * Sorts key-value pairs stored interleaved in one array ({@code k0, v0, k1, v1, ...}), with an optional
 * parallel array of partition ids, by partition and then by key, in place: no object per record. A
 * quicksort with Hoare partitioning (good with many equal partition ids) and insertion sort for short ranges.
 */
final class KVSorter {

  private static final int INSERTION_SORT_THRESHOLD = 16;

  private final Object[] kv;
  private final int[] partitions;
  private final Comparator<Object> keyComparator;

  private KVSorter(Object[] kv, int[] partitions, Comparator<Object> keyComparator) {
    this.kv = kv;
    this.partitions = partitions;
    this.keyComparator = keyComparator;
  }

  /**
   * Sorts the first {@code size} pairs.
   *
   * @param partitions partition ids parallel to the pairs, or {@code null} when all are in one partition
   * @param keyComparator orders keys within a partition, or {@code null} to order by partition only
   */
  @SuppressWarnings("unchecked")
  static void sort(Object[] kv, int[] partitions, int size, Comparator<?> keyComparator) {
    if (partitions == null && keyComparator == null) {
      return;
    }
    new KVSorter(kv, partitions, (Comparator<Object>) keyComparator).quicksort(0, size - 1);
  }

  private int compare(int i, int j) {
    if (partitions != null && partitions[i] != partitions[j]) {
      return Integer.compare(partitions[i], partitions[j]);
    }
    return keyComparator == null ? 0 : keyComparator.compare(kv[2 * i], kv[2 * j]);
  }

  private void quicksort(int low, int high) {
    while (high - low >= INSERTION_SORT_THRESHOLD) {
      int middle = (low + high) >>> 1;
      if (compare(middle, low) < 0) {
        swap(middle, low);
      }
      if (compare(high, low) < 0) {
        swap(high, low);
      }
      if (compare(high, middle) < 0) {
        swap(high, middle);
      }
      swap(middle, low);
      int i = low;
      int j = high + 1;
      while (true) {
        do {
          i++;
        } while (i <= high && compare(i, low) < 0);
        do {
          j--;
        } while (compare(j, low) > 0);
        if (i >= j) {
          break;
        }
        swap(i, j);
      }
      swap(low, j);
      // Recurse into the smaller side so the stack stays logarithmic.
      if (j - low < high - j) {
        quicksort(low, j - 1);
        low = j + 1;
      } else {
        quicksort(j + 1, high);
        high = j - 1;
      }
    }
    insertionSort(low, high);
  }

  private void insertionSort(int low, int high) {
    for (int i = low + 1; i <= high; i++) {
      for (int j = i; j > low && compare(j, j - 1) < 0; j--) {
        swap(j, j - 1);
      }
    }
  }

  private void swap(int i, int j) {
    Object key = kv[2 * i];
    Object value = kv[2 * i + 1];
    kv[2 * i] = kv[2 * j];
    kv[2 * i + 1] = kv[2 * j + 1];
    kv[2 * j] = key;
    kv[2 * j + 1] = value;
    if (partitions != null) {
      int p = partitions[i];
      partitions[i] = partitions[j];
      partitions[j] = p;
    }
  }
}
