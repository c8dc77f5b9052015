package dev.ember.rdd;

import java.util.Collections;
import java.util.Iterator;
import java.util.Random;

/**
 * Sampling with replacement: each element appears {@code k} times, {@code k} drawn from a Poisson distribution
 * with mean {@code fraction}, so the expected sample size is {@code fraction} times the input size.
 */
final class PoissonSampler<T> implements RandomSampler<T> {

  private static final long serialVersionUID = 1L;
  /** Means above this are drawn as sums of smaller draws, keeping {@code exp(-mean)} far from underflow. */
  private static final double MAX_MEAN_PER_DRAW = 30;
  private final double fraction;

  PoissonSampler(double fraction) {
    if (fraction < 0) {
      throw new IllegalArgumentException("Sampling fraction (" + fraction + ") must be >= 0");
    }
    this.fraction = fraction;
  }

  @Override
  public Iterator<T> sample(Iterator<T> items, Random random) {
    return Iterators.flatMap(items, item -> {
      int copies = poisson(fraction, random);
      return copies == 0 ? Collections.emptyIterator() : Collections.nCopies(copies, item).iterator();
    });
  }

  /** A Poisson draw with mean {@code mean} (Knuth's multiplication method). */
  static int poisson(double mean, Random random) {
    int total = 0;
    double remaining = mean;
    while (remaining > 0) {
      double part = Math.min(remaining, MAX_MEAN_PER_DRAW);
      remaining -= part;
      double limit = Math.exp(-part);
      double product = random.nextDouble();
      while (product > limit) {
        total++;
        product *= random.nextDouble();
      }
    }
    return total;
  }
}
