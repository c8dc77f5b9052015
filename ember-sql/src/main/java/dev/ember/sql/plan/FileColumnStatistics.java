package dev.ember.sql.plan;

/**
 * What the footers of a relation's files say about one column, over all their row groups: its range as doubles
 * (dates as days since the epoch, decimals as their value) when the files order the column as Ember does, and
 * its NULLs. Distinct counts are not in the footers; {@link ScanFilterSelectivity} bounds them by the range.
 *
 * @param min the smallest non-NULL value, or {@code null} when unknown or not a number (strings)
 * @param max the largest non-NULL value, or {@code null}
 * @param integral whether the column holds whole numbers (integers, dates), so a range counts its values
 * @param nullCount the NULLs of the column in the files
 */
public record FileColumnStatistics(Double min, Double max, boolean integral, long nullCount) {

  /** Validates the range. */
  public FileColumnStatistics {
    if ((min == null) != (max == null) || min != null && min > max || nullCount < 0) {
      throw new IllegalArgumentException("Invalid column statistics [" + min + ", " + max + "], " + nullCount
          + " nulls");
    }
  }

  /** Whether the range is known. */
  public boolean hasRange() {
    return min != null;
  }
}
