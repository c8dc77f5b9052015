package dev.ember;

import dev.ember.rdd.RDD;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Partitions sortable keys into roughly equal ranges, so that partition {@code i}'s keys all sort before
 * partition {@code i + 1}'s (after, when descending). The range bounds come from sampling the RDD to be
 * partitioned: building one runs a job. This is the partitioner behind {@code sortByKey}.
 *
 * <pre>{@code
 * RangePartitioner<String> byRange = new RangePartitioner<>(4, pairs.rdd());
 * PairRDD<String, Integer> ranged = pairs.partitionBy(byRange);
 * }</pre>
 *
 * <p>The number of partitions may come out smaller than asked for when the RDD has few distinct keys. Keys are
 * ordered by the given comparator, which must be {@link Serializable}, or by their natural ordering.
 *
 * @param <K> the key type
 */
public final class RangePartitioner<K> extends Partitioner {

  private static final long serialVersionUID = 1L;
  private static final int DEFAULT_SAMPLE_POINTS_PER_PARTITION = 20;

  private final Object[] rangeBounds;
  private final boolean ascending;
  private final Comparator<? super K> ordering;

  /** A partitioner over about {@code partitions} ascending ranges of {@code rdd}'s keys, naturally ordered. */
  public <V> RangePartitioner(int partitions, RDD<Tuple2<K, V>> rdd) {
    this(partitions, rdd, true);
  }

  /** A partitioner over about {@code partitions} ranges of {@code rdd}'s keys, naturally ordered. */
  public <V> RangePartitioner(int partitions, RDD<Tuple2<K, V>> rdd, boolean ascending) {
    this(partitions, rdd, ascending, null);
  }

  /**
   * A partitioner over about {@code partitions} ranges of {@code rdd}'s keys.
   *
   * @param ordering the key ordering, {@link Serializable}; {@code null} for the keys' natural ordering
   */
  public <V> RangePartitioner(int partitions, RDD<Tuple2<K, V>> rdd, boolean ascending,
      Comparator<? super K> ordering) {
    this(partitions, rdd, ascending, ordering, DEFAULT_SAMPLE_POINTS_PER_PARTITION);
  }

  /**
   * A partitioner over about {@code partitions} ranges of {@code rdd}'s keys.
   *
   * @param ordering the key ordering, {@link Serializable}; {@code null} for the keys' natural ordering
   * @param samplePointsPerPartitionHint how many keys to sample per output partition (Spark's default: 20)
   */
  public <V> RangePartitioner(int partitions, RDD<Tuple2<K, V>> rdd, boolean ascending,
      Comparator<? super K> ordering, int samplePointsPerPartitionHint) {
    if (partitions < 0) {
      throw new IllegalArgumentException("Number of partitions cannot be negative but found " + partitions + ".");
    }
    if (samplePointsPerPartitionHint <= 0) {
      throw new IllegalArgumentException("Sample points per partition must be positive but found "
          + samplePointsPerPartitionHint + ".");
    }
    this.ordering = keyOrdering(ordering);
    this.ascending = ascending;
    this.rangeBounds = partitions <= 1 ? new Object[0]
        : RangeBoundsSampler.bounds(Objects.requireNonNull(rdd, "rdd is null"), partitions,
            samplePointsPerPartitionHint, this.ordering).toArray();
  }

  /**
   * The key ordering a sort uses: {@code ordering} itself, checked to be serializable, or the keys' natural
   * ordering if {@code ordering} is null.
   *
   * @throws EmberException {@code COMPARATOR_NOT_SERIALIZABLE} if {@code ordering} cannot travel to executors
   */
  @SuppressWarnings("unchecked")
  public static <K> Comparator<? super K> keyOrdering(Comparator<? super K> ordering) {
    if (ordering == null) {
      return (Comparator<? super K>) (Comparator<?>) NaturalKeyOrdering.INSTANCE;
    }
    if (!(ordering instanceof Serializable)) {
      throw new EmberException("COMPARATOR_NOT_SERIALIZABLE", "The key comparator " + ordering.getClass().getName()
          + " is not Serializable, but it must travel to executors to sort there. Use a serializable comparator, "
          + "for example (Comparator<K> & Serializable) (a, b) -> ..., or Comparator.comparing(...).");
    }
    return ordering;
  }

  /** The natural ordering of Comparable keys, with clear errors for null or non-Comparable keys. */
  @SuppressWarnings("unchecked")
  public static <K> Comparator<K> naturalOrdering() {
    return (Comparator<K>) (Comparator<?>) NaturalKeyOrdering.INSTANCE;
  }

  @Override
  public int numPartitions() {
    return rangeBounds.length + 1;
  }

  /** The partition of {@code key}: the first range whose upper bound is not below it, found by binary search. */
  @SuppressWarnings("unchecked")
  @Override
  public int getPartition(Object key) {
    K k = (K) key;
    int low = 0;
    int high = rangeBounds.length;
    // Finds the first bound >= key; keys above every bound fall in the last partition.
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ordering.compare((K) rangeBounds[middle], k) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return ascending ? low : rangeBounds.length - low;
  }

  /** The upper bounds of every partition but the last, in ascending key order. */
  @SuppressWarnings("unchecked")
  public List<K> rangeBounds() {
    return (List<K>) Collections.unmodifiableList(Arrays.asList(rangeBounds.clone()));
  }

  /** Whether partition 0 holds the smallest keys. */
  public boolean ascending() {
    return ascending;
  }

  /** The ordering of keys. */
  public Comparator<? super K> ordering() {
    return ordering;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RangePartitioner<?> that && that.ascending == ascending
        && Arrays.equals(that.rangeBounds, rangeBounds) && that.ordering.equals(ordering);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rangeBounds) + Boolean.hashCode(ascending);
  }

  @Override
  public String toString() {
    return "RangePartitioner(" + numPartitions() + (ascending ? ", ascending" : ", descending") + ")";
  }
}
