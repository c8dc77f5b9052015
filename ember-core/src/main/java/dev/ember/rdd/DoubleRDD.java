package dev.ember.rdd;

import static java.util.Objects.requireNonNull;

import dev.ember.Tuple2;
import dev.ember.storage.StorageLevel;
import dev.ember.util.StatCounter;
import java.util.List;

/**
 * A view of an RDD of doubles with Spark's numeric operations: sum, mean, variance, statistics and histograms.
 * Get one with {@link RDD#mapToDouble} or {@link #fromRDD}.
 *
 * <pre>{@code
 * double mean = sc.parallelize(List.of(1.0, 2.0, 3.0)).mapToDouble(x -> x).mean();   // 2.0
 * }</pre>
 */
public final class DoubleRDD {

  private final RDD<Double> rdd;

  /** Views {@code rdd} as an RDD of doubles. */
  public DoubleRDD(RDD<Double> rdd) {
    this.rdd = requireNonNull(rdd, "rdd is null");
  }

  /** Views an RDD of doubles as a {@code DoubleRDD}. */
  public static DoubleRDD fromRDD(RDD<Double> rdd) {
    return new DoubleRDD(rdd);
  }

  /** The underlying RDD. */
  public RDD<Double> rdd() {
    return rdd;
  }

  /** The sum of the elements; 0 when empty. */
  public double sum() {
    return RDDActions.fold(rdd, 0.0, Double::sum);
  }

  /** Count, mean, variance, minimum and maximum in one job. */
  public StatCounter stats() {
    List<StatCounter> partials = rdd.context().runJob(rdd, (tc, it) -> {
      StatCounter counter = new StatCounter();
      it.forEachRemaining(counter::merge);
      return counter;
    });
    StatCounter total = new StatCounter();
    partials.forEach(total::merge);
    return total;
  }

  /** The mean; NaN when empty. */
  public double mean() {
    return stats().mean();
  }

  /** The population variance; NaN when empty. */
  public double variance() {
    return stats().variance();
  }

  /** The population variance, as {@link #variance()}. */
  public double popVariance() {
    return stats().popVariance();
  }

  /** The sample variance (divided by n - 1); NaN with fewer than two elements. */
  public double sampleVariance() {
    return stats().sampleVariance();
  }

  /** The population standard deviation. */
  public double stdev() {
    return stats().stdev();
  }

  /** The population standard deviation, as {@link #stdev()}. */
  public double popStdev() {
    return stats().popStdev();
  }

  /** The sample standard deviation. */
  public double sampleStdev() {
    return stats().sampleStdev();
  }

  /** The smallest element; fails on an empty RDD. */
  public double min() {
    return rdd.reduce(Math::min);
  }

  /** The largest element; fails on an empty RDD. */
  public double max() {
    return rdd.reduce(Math::max);
  }

  /**
   * {@code bucketCount} evenly spaced buckets from the minimum to the maximum (the last bucket closed) and how
   * many elements fall in each.
   *
   * @throws UnsupportedOperationException on an empty RDD or one holding infinities or NaN
   */
  public Tuple2<double[], long[]> histogram(int bucketCount) {
    return DoubleHistogram.evenBuckets(rdd, bucketCount);
  }

  /**
   * How many elements fall in each bucket {@code [b(i), b(i+1))}, the last bucket closed; elements outside all
   * buckets are not counted. {@code buckets} must be sorted and hold at least two edges.
   */
  public long[] histogram(double[] buckets) {
    return DoubleHistogram.counts(rdd, buckets, false);
  }

  /** As {@link #histogram(double[])}; {@code evenBuckets} promises even spacing, for a faster bucket search. */
  public long[] histogram(double[] buckets, boolean evenBuckets) {
    return DoubleHistogram.counts(rdd, buckets, evenBuckets);
  }

  /** All elements, on the driver. */
  public List<Double> collect() {
    return rdd.collect();
  }

  /** The number of elements. */
  public long count() {
    return rdd.count();
  }

  /** The first element. */
  public double first() {
    return rdd.first();
  }

  /** Caches the underlying RDD in memory. */
  public DoubleRDD cache() {
    rdd.cache();
    return this;
  }

  /** Persists the underlying RDD at {@code level}. */
  public DoubleRDD persist(StorageLevel level) {
    rdd.persist(level);
    return this;
  }

  /** Stops caching the underlying RDD. */
  public DoubleRDD unpersist() {
    rdd.unpersist();
    return this;
  }

  /** The number of partitions. */
  public int getNumPartitions() {
    return rdd.getNumPartitions();
  }

  @Override
  public String toString() {
    return "DoubleRDD(" + rdd + ")";
  }
}
