package dev.ember.util.collection;

import dev.ember.Aggregator;
import dev.ember.Partitioner;
import dev.ember.Tuple2;
import dev.ember.rdd.UserFunctionException;
import dev.ember.serializer.SerializationStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Sorts key-value pairs by partition id and optionally by key, optionally combining values by key, spilling
 * sorted runs to disk when its memory is denied and merging them at the end. The map side of the shuffle
 * writes its output with {@link #writePartitionedStream}; the reduce side sorts with {@link #iterator()}.
 *
 * <p>With an aggregator, records are combined in an {@link AppendOnlyMap}; runs are ordered by the key
 * ordering if given, else by key hash code, and the merge combines equal keys across runs. Without one, they
 * are buffered as they come and sorted by partition (and key ordering, if given).
 *
 * @param <K> the key type
 * @param <V> the type of inserted values
 * @param <C> the output value type (the combiner type with an aggregator, else {@code V})
 */
public final class ExternalSorter<K, V, C> extends Spillable {

  /** Records combined per batch of {@link #insertCombining}. */
  private static final int COMBINE_BATCH = 16;

  private final Aggregator<K, V, C> aggregator;
  private final Partitioner partitioner;
  private final int numPartitions;
  private final Comparator<? super K> ordering;
  private final Comparator<? super K> runOrder;
  private final AppendOnlyMap.Updater<C> updater;
  private AppendOnlyMap<K, C> map;
  private PartitionedPairBuffer buffer;
  private V pendingValue;
  private boolean finished;

  /**
   * Creates an empty sorter.
   *
   * @param aggregator combines values by key, or {@code null}
   * @param partitioner assigns partitions, or {@code null} for a single partition
   * @param ordering sorts keys within a partition, or {@code null}
   */
  public ExternalSorter(SpillEnv env, Aggregator<K, V, C> aggregator, Partitioner partitioner,
      Comparator<? super K> ordering) {
    super(env);
    this.aggregator = aggregator;
    this.partitioner = partitioner;
    this.numPartitions = partitioner == null ? 1 : partitioner.numPartitions();
    this.ordering = ordering;
    this.runOrder = ordering != null ? ordering : aggregator != null ? ExternalAppendOnlyMap.HASH_ORDER : null;
    this.updater = aggregator == null ? null : (hadValue, old) -> {
      try {
        return hadValue ? aggregator.mergeValue().call(old, pendingValue)
            : aggregator.createCombiner().call(pendingValue);
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
    };
    newCollection();
  }

  private void newCollection() {
    if (aggregator != null) {
      map = new AppendOnlyMap<>();
    } else {
      buffer = new PartitionedPairBuffer();
    }
  }

  /** Adds every pair of {@code records}. */
  public void insertAll(Iterator<? extends Tuple2<K, V>> records) {
    if (finished) {
      throw new IllegalStateException("Cannot insert into an ExternalSorter after reading it.");
    }
    if (aggregator != null) {
      insertCombining(records);
    } else {
      while (records.hasNext()) {
        Tuple2<K, V> record = records.next();
        K key = record._1();
        buffer.insert(partitioner == null ? 0 : partitioner.getPartition(key), key, record._2());
        maybeSpill();
      }
    }
  }

  /**
   * Combines the records into the map a batch at a time: the batch's keys are hashed and their slots
   * prefetched before any is combined (see {@link AppendOnlyMap#prefetch}).
   */
  @SuppressWarnings("unchecked")
  private void insertCombining(Iterator<? extends Tuple2<K, V>> records) {
    Object[] keys = new Object[COMBINE_BATCH];
    Object[] values = new Object[COMBINE_BATCH];
    int[] hashes = new int[COMBINE_BATCH];
    while (records.hasNext()) {
      int n = 0;
      do {
        Tuple2<K, V> record = records.next();
        keys[n] = record._1();
        values[n] = record._2();
        hashes[n] = AppendOnlyMap.hashOf(record._1());
        n++;
      } while (n < COMBINE_BATCH && records.hasNext());
      map.prefetch(hashes, n);
      for (int i = 0; i < n; i++) {
        pendingValue = (V) values[i];
        map.changeValue((K) keys[i], hashes[i], updater);
        pendingValue = null;
        maybeSpill();
      }
    }
  }

  @Override
  protected long estimatedSize() {
    return aggregator != null ? map.estimateSize() : buffer.estimateSize();
  }

  private SortedRun sortInMemory() {
    SortedRun run = aggregator != null
        ? map.destructiveSortedRun(numPartitions > 1 ? partitioner : null, runOrder)
        : buffer.destructiveSortedRun(numPartitions == 1, runOrder);
    map = null;
    buffer = null;
    return run;
  }

  @Override
  protected SpilledRun spillCollection() {
    SpilledRun spilled = SpilledRun.write(sortInMemory(), numPartitions, newSpillFile(), serializer,
        env.serializerManager());
    newCollection();
    return spilled;
  }

  /** The number of runs spilled to disk so far. */
  public int numSpills() {
    return spillCount();
  }

  /** Yields the records of each partition in turn; partitions must be read in increasing order. */
  public interface PartitionedReader<K, C> {
    /** The records of {@code partition}, sorted and combined as configured. */
    Iterator<Tuple2<K, C>> partition(int partition);
  }

  /** Ends insertion and returns a reader of the sorted output, partition by partition. */
  public PartitionedReader<K, C> partitionedReader() {
    if (finished) {
      throw new IllegalStateException("An ExternalSorter can be read only once.");
    }
    finished = true;
    startIterating();
    SortedRun.PartitionCursor memory = sortInMemory().cursor();
    List<SpilledRun.Reader> spilled = new ArrayList<>(spills.size());
    for (SpilledRun run : spills) {
      spilled.add(openSpill(run));
    }
    return partition -> merge(memory, spilled, partition);
  }

  private Iterator<Tuple2<K, C>> merge(SortedRun.PartitionCursor memory, List<SpilledRun.Reader> spilled,
      int partition) {
    Iterator<Tuple2<K, C>> inMemory = memory.partition(partition);
    if (spilled.isEmpty()) {
      return inMemory;
    }
    List<Iterator<Tuple2<K, C>>> inputs = new ArrayList<>(spilled.size() + 1);
    inputs.add(inMemory);
    for (SpilledRun.Reader reader : spilled) {
      inputs.add(reader.partition(partition));
    }
    if (aggregator != null) {
      return new CombiningMergeIterator<>(new MergedSortedIterator<>(inputs, runOrder), runOrder,
          aggregator.mergeCombiners());
    }
    if (ordering != null) {
      return new MergedSortedIterator<>(inputs, ordering);
    }
    return concat(inputs);
  }

  private static <T> Iterator<T> concat(List<Iterator<T>> inputs) {
    return new Iterator<>() {
      private int current;

      @Override
      public boolean hasNext() {
        while (current < inputs.size() && !inputs.get(current).hasNext()) {
          current++;
        }
        return current < inputs.size();
      }

      @Override
      public T next() {
        hasNext();
        return inputs.get(Math.min(current, inputs.size() - 1)).next();
      }
    };
  }

  /**
   * All records of all partitions in order; for the reduce side's plain sort. Spill files are deleted when
   * the iterator is exhausted, or when the task ends.
   */
  public Iterator<Tuple2<K, C>> iterator() {
    PartitionedReader<K, C> reader = partitionedReader();
    List<Iterator<Tuple2<K, C>>> partitions = new ArrayList<>(numPartitions);
    for (int p = 0; p < numPartitions; p++) {
      int partition = p;
      partitions.add(new LazyIterator<>(() -> reader.partition(partition)));
    }
    Iterator<Tuple2<K, C>> all = concat(partitions);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = all.hasNext();
        if (!more) {
          cleanup();
        }
        return more;
      }

      @Override
      public Tuple2<K, C> next() {
        return all.next();
      }
    };
  }

  /**
   * Writes every partition as its own serialized stream, opened with {@code streamFactory} (which adds
   * compression and must not close the file when the stream closes), so each partition's bytes can be
   * decoded alone. Returns the number of bytes and records written per partition.
   */
  public WrittenPartitions writePartitionedStream(CountingSink sink, StreamWrapper streamFactory)
      throws IOException {
    PartitionedReader<K, C> reader = partitionedReader();
    long[] lengths = new long[numPartitions];
    long records = 0;
    for (int p = 0; p < numPartitions; p++) {
      Iterator<Tuple2<K, C>> it = reader.partition(p);
      if (!it.hasNext()) {
        continue;
      }
      long before = sink.bytesWritten();
      try (SerializationStream out = serializer.serializeStream(streamFactory.wrap(sink.stream()))) {
        while (it.hasNext()) {
          Tuple2<K, C> record = it.next();
          out.writeKeyValue(record._1(), record._2());
          records++;
        }
      }
      lengths[p] = sink.bytesWritten() - before;
    }
    return new WrittenPartitions(lengths, records);
  }

  /** An output whose byte count is known. */
  public interface CountingSink {
    /** The stream to write to; closing it must only flush. */
    OutputStream stream();

    /** Bytes that reached the underlying file so far (after flushing). */
    long bytesWritten();
  }

  /** Wraps a partition's stream, e.g. with compression. */
  public interface StreamWrapper {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  /**
   * What {@link #writePartitionedStream} wrote.
   *
   * @param lengths bytes per partition
   * @param records records in all
   */
  public record WrittenPartitions(long[] lengths, long records) {}

  /** Creates its iterator on first use, so partitions are opened only in order. */
  private static final class LazyIterator<T> implements Iterator<T> {
    private final java.util.function.Supplier<Iterator<T>> supplier;
    private Iterator<T> delegate;

    LazyIterator(java.util.function.Supplier<Iterator<T>> supplier) {
      this.supplier = supplier;
    }

    private Iterator<T> delegate() {
      if (delegate == null) {
        delegate = supplier.get();
      }
      return delegate;
    }

    @Override
    public boolean hasNext() {
      return delegate().hasNext();
    }

    @Override
    public T next() {
      return delegate().next();
    }
  }
}
