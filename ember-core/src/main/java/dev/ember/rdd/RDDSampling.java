package dev.ember.rdd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random sampling of RDDs: {@code sample}, {@code randomSplit} and {@code takeSample}, as Spark does them. */
final class RDDSampling {

  private RDDSampling() {}

  /** A sample of about {@code fraction} of {@code rdd}, each partition seeded from {@code seed}. */
  static <T> RDD<T> sample(RDD<T> rdd, boolean withReplacement, double fraction, long seed) {
    if (fraction < 0 || (!withReplacement && fraction > 1)) {
      throw new IllegalArgumentException("Fraction must be in [0, 1] without replacement and >= 0 with "
          + "replacement, but got " + fraction);
    }
    RandomSampler<T> sampler = withReplacement
        ? new PoissonSampler<>(fraction)
        : new BernoulliCellSampler<>(0, fraction);
    return new PartitionwiseSampledRDD<>(rdd, sampler, seed);
  }

  /**
   * Splits {@code rdd} by normalized {@code weights}: every split draws the same random number per element
   * (same seed) and keeps it when it falls in the split's range, so the splits are disjoint and cover the RDD.
   */
  @SuppressWarnings("unchecked")
  static <T> RDD<T>[] randomSplit(RDD<T> rdd, double[] weights, long seed) {
    double sum = 0;
    for (double weight : weights) {
      if (weight < 0) {
        throw new IllegalArgumentException("Weights must be nonnegative, but got " + weight);
      }
      sum += weight;
    }
    if (weights.length == 0 || sum <= 0) {
      throw new IllegalArgumentException("Sum of weights must be positive, but got " + sum);
    }
    RDD<T>[] splits = new RDD[weights.length];
    double lower = 0;
    for (int i = 0; i < weights.length; i++) {
      double upper = i == weights.length - 1 ? 1.0 : lower + weights[i] / sum;
      splits[i] = new PartitionwiseSampledRDD<>(rdd, new BernoulliCellSampler<>(lower, Math.min(upper, 1.0)), seed);
      lower = upper;
    }
    return splits;
  }

  /** Exactly {@code num} elements (fewer if the RDD is smaller and sampling without replacement). */
  static <T> List<T> takeSample(RDD<T> rdd, boolean withReplacement, int num, long seed) {
    if (num < 0) {
      throw new IllegalArgumentException("Negative number of elements requested: " + num);
    }
    Random random = new Random(seed);
    long total = num == 0 ? 0 : rdd.count();
    if (total == 0) {
      return new ArrayList<>();
    }
    if (!withReplacement && num >= total) {
      List<T> all = rdd.collect();
      Collections.shuffle(all, random);
      return all;
    }
    double fraction = fractionForSampleSize(num, total, withReplacement);
    List<T> samples = sample(rdd, withReplacement, fraction, random.nextInt()).collect();
    while (samples.size() < num) {
      samples = sample(rdd, withReplacement, fraction, random.nextInt()).collect();
    }
    samples = new ArrayList<>(samples);
    Collections.shuffle(samples, random);
    return new ArrayList<>(samples.subList(0, num));
  }

  /**
   * A sampling fraction that yields at least {@code sampleSize} of {@code total} elements with probability
   * above 99.99% (Spark's {@code SamplingUtils.computeFractionForSampleSize}).
   */
  static double fractionForSampleSize(int sampleSize, long total, boolean withReplacement) {
    if (withReplacement) {
      double standardDeviations = sampleSize < 6 ? 12 : sampleSize < 16 ? 9 : 6;
      return Math.max(sampleSize + standardDeviations * Math.sqrt(sampleSize), 1e-10) / total;
    }
    double fraction = (double) sampleSize / total;
    double gamma = -Math.log(1e-4) / total;
    return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
  }
}
