package dev.ember.bench.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^exponent}, the
 * Zipf-like skew of words in text and of degrees in real graphs.
 */
final class ZipfSampler {

  private final double[] cumulative;

  ZipfSampler(int n, double exponent) {
    cumulative = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      sum += 1.0 / Math.pow(rank + 1, exponent);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < n; rank++) {
      cumulative[rank] /= sum;
    }
  }

  int sample(SplittableRandom random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    int rank = index >= 0 ? index : -index - 1;
    return Math.min(rank, cumulative.length - 1);
  }
}
