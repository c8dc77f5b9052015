package dev.ember.rdd;

import java.util.Iterator;
import java.util.Random;

/**
 * Keeps each element whose uniform draw falls in {@code [lowerBound, upperBound)}: with bounds {@code [0, f)}
 * a Bernoulli sample of fraction {@code f}; with adjacent bounds and one seed, the disjoint, covering pieces of
 * {@code randomSplit}.
 */
final class BernoulliCellSampler<T> implements RandomSampler<T> {

  private static final long serialVersionUID = 1L;
  private final double lowerBound;
  private final double upperBound;

  BernoulliCellSampler(double lowerBound, double upperBound) {
    if (lowerBound < 0 || upperBound > 1 + 1e-7 || lowerBound > upperBound) {
      throw new IllegalArgumentException("Invalid sampling range [" + lowerBound + ", " + upperBound + ")");
    }
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  @Override
  public Iterator<T> sample(Iterator<T> items, Random random) {
    return Iterators.filter(items, item -> {
      double x = random.nextDouble();
      return x >= lowerBound && x < upperBound;
    });
  }
}
