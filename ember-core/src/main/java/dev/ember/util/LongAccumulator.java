package dev.ember.util;

/**
 * Sums longs, counting how many were added, so {@link #avg()} is available too.
 *
 * <pre>{@code
 * LongAccumulator errors = sc.longAccumulator("errors");
 * lines.foreach(line -> { if (line.contains("ERROR")) errors.add(1); });
 * long n = errors.value();
 * }</pre>
 */
public final class LongAccumulator extends AccumulatorV2<Long, Long> {

  private static final long serialVersionUID = 1L;
  private long sum;
  private long count;

  @Override
  public boolean isZero() {
    return sum == 0 && count == 0;
  }

  @Override
  public LongAccumulator copy() {
    LongAccumulator copy = new LongAccumulator();
    copy.sum = sum;
    copy.count = count;
    return copy;
  }

  @Override
  public void reset() {
    sum = 0;
    count = 0;
  }

  @Override
  public void add(Long value) {
    add(value.longValue());
  }

  /** Adds {@code value} without boxing. */
  public void add(long value) {
    sum += value;
    count++;
  }

  @Override
  public void merge(AccumulatorV2<Long, Long> other) {
    if (!(other instanceof LongAccumulator that)) {
      throw new IllegalArgumentException("Cannot merge " + getClass().getSimpleName() + " with "
          + other.getClass().getSimpleName());
    }
    sum += that.sum;
    count += that.count;
  }

  @Override
  public Long value() {
    return sum;
  }

  /** The sum of the values added. */
  public long sum() {
    return sum;
  }

  /** How many values were added. */
  public long count() {
    return count;
  }

  /** The average of the values added ({@code NaN} if none). */
  public double avg() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }
}
