package dev.ember.rdd;

import dev.ember.Tuple2;
import java.util.Arrays;
import java.util.List;

/**
 * Histograms of an RDD of doubles with Spark's bucket rules: buckets are {@code [b0, b1), [b1, b2), ...,
 * [b(n-1), bn]} (the last one closed), values outside them and NaN are not counted.
 */
final class DoubleHistogram {

  private DoubleHistogram() {}

  /** {@code bucketCount} even buckets between the minimum and the maximum, and their counts. */
  static Tuple2<double[], long[]> evenBuckets(RDD<Double> rdd, int bucketCount) {
    if (bucketCount < 1) {
      throw new IllegalArgumentException("The number of buckets must be positive, but got " + bucketCount);
    }
    List<double[]> ranges = rdd.context().runJob(rdd, (tc, it) -> {
      double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      while (it.hasNext()) {
        double value = it.next();
        range[0] = Double.isNaN(value) ? value : Math.min(range[0], value);
        range[1] = Double.isNaN(value) ? value : Math.max(range[1], value);
      }
      return range;
    });
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] range : ranges) {
      min = Math.min(min, range[0]);
      max = Math.max(max, range[1]);
    }
    if (Double.isNaN(min) || Double.isNaN(max) || Double.isInfinite(min) || Double.isInfinite(max)) {
      throw new UnsupportedOperationException(
          "Histogram on either an empty RDD or RDD containing +/-infinity or NaN");
    }
    double[] buckets;
    if (min == max) {
      buckets = new double[] {min, min};
    } else {
      buckets = new double[bucketCount + 1];
      for (int i = 0; i < bucketCount; i++) {
        buckets[i] = min + (i * (max - min)) / bucketCount;
      }
      buckets[bucketCount] = max;
    }
    return new Tuple2<>(buckets, counts(rdd, buckets, true));
  }

  /** The counts of the values in each of {@code buckets}, which must be sorted ascending. */
  static long[] counts(RDD<Double> rdd, double[] buckets, boolean evenlySpaced) {
    if (buckets.length < 2) {
      throw new IllegalArgumentException("buckets array must have at least two elements");
    }
    for (int i = 1; i < buckets.length; i++) {
      if (!(buckets[i - 1] <= buckets[i])) {
        throw new IllegalArgumentException("buckets must be sorted ascending: " + Arrays.toString(buckets));
      }
    }
    double[] edges = buckets.clone();
    List<long[]> partials = rdd.context().runJob(rdd, (tc, it) -> {
      long[] counts = new long[edges.length - 1];
      while (it.hasNext()) {
        int bucket = evenlySpaced ? evenBucket(edges, it.next()) : searchBucket(edges, it.next());
        if (bucket >= 0) {
          counts[bucket]++;
        }
      }
      return counts;
    });
    long[] total = new long[edges.length - 1];
    for (long[] partial : partials) {
      for (int i = 0; i < total.length; i++) {
        total[i] += partial[i];
      }
    }
    return total;
  }

  /** The bucket of {@code value} by binary search, or -1; the last bucket includes its upper edge. */
  static int searchBucket(double[] edges, double value) {
    int location = Arrays.binarySearch(edges, value);
    if (location < 0) {
      int insertion = -location - 1;
      return insertion == 0 || insertion == edges.length ? -1 : insertion - 1;
    }
    return location < edges.length - 1 ? location : location - 1;
  }

  /** The bucket of {@code value} among evenly spaced edges by arithmetic, or -1. */
  static int evenBucket(double[] edges, double value) {
    double min = edges[0];
    double max = edges[edges.length - 1];
    int count = edges.length - 1;
    if (Double.isNaN(value) || value < min || value > max) {
      return -1;
    }
    if (max == min) {
      return 0;
    }
    return Math.min((int) ((value - min) / (max - min) * count), count - 1);
  }
}
