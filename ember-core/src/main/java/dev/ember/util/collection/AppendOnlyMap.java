package dev.ember.util.collection;

import dev.ember.Partitioner;
import dev.ember.Tuple2;
import dev.ember.util.SizeEstimator;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An open-addressing hash map for combining values by key, keys and values interleaved in one array
 * (quadratic probing, no entry objects, no removal). The spread hash of each slot is kept in a parallel int
 * array, so a probe that lands on another key is rejected without loading that key object: with many
 * distinct keys, those loads are cache misses and dominate the cost of combining. Supports a {@code null}
 * key. Tracks an estimate of its size by sampling entries with a {@link SizeEstimator}. Once
 * {@link #destructiveSortedRun} is called the map must not be used again.
 */
final class AppendOnlyMap<K, V> implements Iterable<Tuple2<K, V>> {

  /** Computes the new value of a key from whether it had one and the old value. */
  interface Updater<V> {
    V update(boolean hadValue, V oldValue);
  }

  private static final int INITIAL_CAPACITY = 64;
  private static final double LOAD_FACTOR = 0.7;
  private static final int SAMPLED_ENTRIES = 32;

  private Object[] data;
  private int[] hashes;
  private int capacity;
  private int mask;
  private int size;
  private int growThreshold;
  private boolean haveNullValue;
  private V nullValue;
  private boolean destroyed;

  private long updates;
  private long nextSampleAt = SAMPLED_ENTRIES;
  private double bytesPerEntry = 64;
  /** Keeps the loads of {@link #prefetch} from being optimized away. */
  private int prefetchSink;

  AppendOnlyMap() {
    allocate(INITIAL_CAPACITY);
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    mask = newCapacity - 1;
    data = new Object[2 * newCapacity];
    hashes = new int[newCapacity];
    growThreshold = (int) (LOAD_FACTOR * newCapacity);
  }

  /** The number of keys. */
  int size() {
    return size + (haveNullValue ? 1 : 0);
  }

  /** Sets the value of {@code key} to {@code updater}'s answer and returns it. */
  V changeValue(K key, Updater<V> updater) {
    return changeValue(key, hashOf(key), updater);
  }

  /** The hash this map files {@code key} under, for {@link #changeValue(Object, int, Updater)}. */
  static int hashOf(Object key) {
    return key == null ? 0 : spread(key.hashCode());
  }

  /**
   * Starts loading the table slots, keys and values that the next {@code n} calls of
   * {@link #changeValue(Object, int, Updater)} with the hashes {@code keyHashes} will read. With more keys than fit the
   * CPU caches, each lookup otherwise waits for several cache misses one after another (slot, key, key's
   * characters, value); touching them for a batch of keys first lets the CPU wait for all of them at once.
   * Keys of the batch already in the map are the ones touched; a lookup that will insert needs only its
   * slot.
   */
  void prefetch(int[] keyHashes, int n) {
    int[] slotHashes = hashes;
    Object[] slots = data;
    int touched = 0;
    for (int i = 0; i < n; i++) {
      int position = keyHashes[i] & mask;
      touched += slotHashes[position] + (slots[2 * position] == null ? 1 : 0);
    }
    for (int i = 0; i < n; i++) {
      int position = keyHashes[i] & mask;
      Object current = slots[2 * position];
      if (current != null && slotHashes[position] == keyHashes[i]) {
        // Reading an object's class loads its header, and so the cache line the lookup compares next.
        touched += current.getClass() == Void.class ? 1 : 0;
        if (current instanceof String string) {
          touched += string.length();
        }
        Object value = slots[2 * position + 1];
        touched += value != null && value.getClass() == Void.class ? 1 : 0;
      }
    }
    prefetchSink += touched;
  }

  /**
   * Sets the value of {@code key}, whose {@link #hashOf hash} is {@code hash}, to {@code updater}'s answer and
   * returns it.
   */
  @SuppressWarnings("unchecked")
  V changeValue(K key, int hash, Updater<V> updater) {
    if (destroyed) {
      throw new IllegalStateException("The map was already sorted destructively.");
    }
    updates++;
    if (key == null) {
      nullValue = updater.update(haveNullValue, nullValue);
      haveNullValue = true;
      return nullValue;
    }
    int position = hash & mask;
    int step = 1;
    while (true) {
      Object current = data[2 * position];
      if (current == null) {
        V value = updater.update(false, null);
        data[2 * position] = key;
        data[2 * position + 1] = value;
        hashes[position] = hash;
        if (++size > growThreshold) {
          grow();
        }
        return value;
      }
      if (hashes[position] == hash && (current == key || current.equals(key))) {
        V old = (V) data[2 * position + 1];
        V value = updater.update(true, old);
        if (value != old) {
          // A combiner merged in place (a grouped list, a mutable buffer) needs no store, and so no GC
          // write barrier on a table that is usually in the old generation.
          data[2 * position + 1] = value;
        }
        return value;
      }
      position = (position + step++) & mask;
    }
  }

  private void grow() {
    Object[] old = data;
    int[] oldHashes = hashes;
    allocate(capacity * 2);
    for (int i = 0; i < oldHashes.length; i++) {
      Object key = old[2 * i];
      if (key != null) {
        int hash = oldHashes[i];
        int position = hash & mask;
        int step = 1;
        while (data[2 * position] != null) {
          position = (position + step++) & mask;
        }
        data[2 * position] = key;
        data[2 * position + 1] = old[2 * i + 1];
        hashes[position] = hash;
      }
    }
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * The estimated bytes this map holds: its table plus its entries, whose average size is re-sampled each
   * time the number of updates grows by a tenth, so a value that grows (a list of grouped values) is seen.
   */
  long estimateSize() {
    if (updates >= nextSampleAt) {
      sampleEntries();
      nextSampleAt = (long) (updates * 1.1) + 1;
    }
    return 16L + 8L * capacity + 4L * capacity + (long) (size() * bytesPerEntry);
  }

  private void sampleEntries() {
    if (size == 0) {
      return;
    }
    long bytes = 0;
    int found = 0;
    int stride = Math.max(1, capacity / SAMPLED_ENTRIES) | 1;
    int position = (int) (updates & mask);
    for (int probes = 0; probes < capacity && found < SAMPLED_ENTRIES; probes++) {
      Object key = data[2 * position];
      if (key != null) {
        bytes += SizeEstimator.estimate(key) + SizeEstimator.estimate(data[2 * position + 1]);
        found++;
      }
      position = (position + stride) & mask;
    }
    if (found > 0) {
      bytesPerEntry = (double) bytes / found;
    }
  }

  @Override
  public Iterator<Tuple2<K, V>> iterator() {
    return new Iterator<>() {
      private int position;
      private boolean nullDone = !haveNullValue;

      private void skipEmpty() {
        while (position < capacity && data[2 * position] == null) {
          position++;
        }
      }

      @Override
      public boolean hasNext() {
        skipEmpty();
        return position < capacity || !nullDone;
      }

      @SuppressWarnings("unchecked")
      @Override
      public Tuple2<K, V> next() {
        skipEmpty();
        if (position < capacity) {
          int i = position++;
          return new Tuple2<>((K) data[2 * i], (V) data[2 * i + 1]);
        }
        if (!nullDone) {
          nullDone = true;
          return new Tuple2<>(null, nullValue);
        }
        throw new NoSuchElementException();
      }
    };
  }

  /**
   * Moves the entries to the front of the table and sorts them by partition (when {@code partitioner} is
   * given) and key, in place. The map is unusable afterwards.
   */
  SortedRun destructiveSortedRun(Partitioner partitioner, Comparator<? super K> keyComparator) {
    destroyed = true;
    int n = 0;
    for (int i = 0; i < capacity; i++) {
      if (data[2 * i] != null) {
        data[2 * n] = data[2 * i];
        data[2 * n + 1] = data[2 * i + 1];
        n++;
      }
    }
    if (haveNullValue) {
      data[2 * n] = null;
      data[2 * n + 1] = nullValue;
      n++;
    }
    int[] partitions = null;
    if (partitioner != null && partitioner.numPartitions() > 1) {
      partitions = new int[n];
      for (int i = 0; i < n; i++) {
        partitions[i] = partitioner.getPartition(data[2 * i]);
      }
    }
    KVSorter.sort(data, partitions, n, keyComparator);
    return new SortedRun(data, partitions, n);
  }
}
