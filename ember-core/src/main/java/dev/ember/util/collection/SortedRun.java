package dev.ember.util.collection;

import dev.ember.Tuple2;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An in-memory run of pairs sorted by partition (and key, when asked): the pairs interleaved in one array and
 * their partition ids in another ({@code null} when there is one partition). Read partition by partition.
 */
final class SortedRun {

  private final Object[] kv;
  private final int[] partitions;
  private final int size;

  SortedRun(Object[] kv, int[] partitions, int size) {
    this.kv = kv;
    this.partitions = partitions;
    this.size = size;
  }

  int size() {
    return size;
  }

  Object keyAt(int i) {
    return kv[2 * i];
  }

  Object valueAt(int i) {
    return kv[2 * i + 1];
  }

  int partitionAt(int i) {
    return partitions == null ? 0 : partitions[i];
  }

  /** How many pairs each of {@code numPartitions} partitions holds. */
  long[] countsPerPartition(int numPartitions) {
    long[] counts = new long[numPartitions];
    if (partitions == null) {
      counts[0] = size;
      return counts;
    }
    for (int i = 0; i < size; i++) {
      counts[partitions[i]]++;
    }
    return counts;
  }

  /** A reader that hands out the pairs of partitions 0, 1, 2, ... in turn. */
  PartitionCursor cursor() {
    return new PartitionCursor();
  }

  /** Walks the run once, one partition after the other. */
  final class PartitionCursor {
    private int position;

    /** The pairs of partition {@code partition}; partitions must be asked for in increasing order. */
    <K, V> Iterator<Tuple2<K, V>> partition(int partition) {
      while (position < size && partitionAt(position) < partition) {
        position++;
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return position < size && partitionAt(position) == partition;
        }

        @SuppressWarnings("unchecked")
        @Override
        public Tuple2<K, V> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          int i = position++;
          return new Tuple2<>((K) kv[2 * i], (V) kv[2 * i + 1]);
        }
      };
    }
  }
}
