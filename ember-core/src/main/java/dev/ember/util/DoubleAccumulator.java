package dev.ember.util;

/** Sums doubles, counting how many were added. */
public final class DoubleAccumulator extends AccumulatorV2<Double, Double> {

  private static final long serialVersionUID = 1L;
  private double sum;
  private long count;

  @Override
  public boolean isZero() {
    return sum == 0.0 && count == 0;
  }

  @Override
  public DoubleAccumulator copy() {
    DoubleAccumulator copy = new DoubleAccumulator();
    copy.sum = sum;
    copy.count = count;
    return copy;
  }

  @Override
  public void reset() {
    sum = 0.0;
    count = 0;
  }

  @Override
  public void add(Double value) {
    add(value.doubleValue());
  }

  /** Adds {@code value} without boxing. */
  public void add(double value) {
    sum += value;
    count++;
  }

  @Override
  public void merge(AccumulatorV2<Double, Double> other) {
    if (!(other instanceof DoubleAccumulator that)) {
      throw new IllegalArgumentException("Cannot merge " + getClass().getSimpleName() + " with "
          + other.getClass().getSimpleName());
    }
    sum += that.sum;
    count += that.count;
  }

  @Override
  public Double value() {
    return sum;
  }

  public double sum() {
    return sum;
  }

  public long count() {
    return count;
  }

  /** The average of the values added ({@code NaN} if none). */
  public double avg() {
    return count == 0 ? Double.NaN : sum / count;
  }
}
