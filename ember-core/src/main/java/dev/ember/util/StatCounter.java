package dev.ember.util;

import java.io.Serializable;

/**
 * Count, mean, variance, minimum and maximum of a stream of doubles in one pass, numerically stable (Welford's
 * update for single values, Chan et al.'s formula for merging two counters). The result of
 * {@code DoubleRDD.stats()}.
 *
 * <pre>{@code
 * StatCounter s = new StatCounter().merge(1).merge(2).merge(3);   // mean 2, variance 2/3
 * }</pre>
 */
public final class StatCounter implements Serializable {

  private static final long serialVersionUID = 1L;
  private long n;
  private double mu;
  private double m2;
  private double maxValue = Double.NEGATIVE_INFINITY;
  private double minValue = Double.POSITIVE_INFINITY;

  /** An empty counter. */
  public StatCounter() {}

  /** A counter of {@code values}. */
  public StatCounter(double... values) {
    for (double value : values) {
      merge(value);
    }
  }

  /** Adds {@code value}. Returns this counter. */
  public StatCounter merge(double value) {
    double delta = value - mu;
    n++;
    mu += delta / n;
    m2 += delta * (value - mu);
    maxValue = Math.max(maxValue, value);
    minValue = Math.min(minValue, value);
    return this;
  }

  /** Adds everything {@code other} counted. Returns this counter. */
  public StatCounter merge(StatCounter other) {
    if (other == this) {
      return merge(other.copy());
    }
    if (n == 0) {
      n = other.n;
      mu = other.mu;
      m2 = other.m2;
      maxValue = other.maxValue;
      minValue = other.minValue;
    } else if (other.n != 0) {
      double delta = other.mu - mu;
      long total = n + other.n;
      if (other.n * 10 < n) {
        mu = mu + delta * other.n / total;
      } else if (n * 10 < other.n) {
        mu = other.mu - delta * n / total;
      } else {
        mu = (mu * n + other.mu * other.n) / total;
      }
      m2 += other.m2 + delta * delta * n * other.n / total;
      n = total;
      maxValue = Math.max(maxValue, other.maxValue);
      minValue = Math.min(minValue, other.minValue);
    }
    return this;
  }

  /** An independent copy. */
  public StatCounter copy() {
    StatCounter copy = new StatCounter();
    copy.n = n;
    copy.mu = mu;
    copy.m2 = m2;
    copy.maxValue = maxValue;
    copy.minValue = minValue;
    return copy;
  }

  /** The number of values. */
  public long count() {
    return n;
  }

  /** The mean; NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mu;
  }

  /** The sum of the values. */
  public double sum() {
    return n * mu;
  }

  /** The sum of squared deviations from the mean. */
  public double m2() {
    return m2;
  }

  /** The largest value; negative infinity when empty. */
  public double max() {
    return maxValue;
  }

  /** The smallest value; positive infinity when empty. */
  public double min() {
    return minValue;
  }

  /** The population variance (divided by n); NaN when empty. */
  public double variance() {
    return n == 0 ? Double.NaN : m2 / n;
  }

  /** The population variance, as {@link #variance()}. */
  public double popVariance() {
    return variance();
  }

  /** The sample variance (divided by n - 1); NaN with fewer than two values. */
  public double sampleVariance() {
    return n <= 1 ? Double.NaN : m2 / (n - 1);
  }

  /** The population standard deviation. */
  public double stdev() {
    return Math.sqrt(variance());
  }

  /** The population standard deviation, as {@link #stdev()}. */
  public double popStdev() {
    return stdev();
  }

  /** The sample standard deviation. */
  public double sampleStdev() {
    return Math.sqrt(sampleVariance());
  }

  @Override
  public String toString() {
    return String.format("(count: %d, mean: %f, stdev: %f, max: %f, min: %f)", n, mean(), stdev(), max(), min());
  }
}
