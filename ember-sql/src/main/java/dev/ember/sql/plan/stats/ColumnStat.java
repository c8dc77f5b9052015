package dev.ember.sql.plan.stats;

/**
 * What the estimator knows of one column: its distinct count, and for numbers and dates its range as doubles
 * (dates as days since the epoch).
 *
 * @param distinctCount the number of distinct non-NULL values
 * @param min the smallest value, or {@code null} when unknown or not ordered numerically
 * @param max the largest value, or {@code null}
 * @param nullCount the number of NULLs
 */
public record ColumnStat(double distinctCount, Double min, Double max, double nullCount) {

  /** Whether the range is known. */
  public boolean hasRange() {
    return min != null && max != null;
  }

  /** These statistics for a relation cut down to {@code rows} rows, keeping the fraction {@code kept}. */
  ColumnStat scaled(double kept, double rows) {
    return new ColumnStat(Math.max(Math.min(distinctCount, rows), rows > 0 ? 1 : 0), min, max, nullCount * kept);
  }
}
