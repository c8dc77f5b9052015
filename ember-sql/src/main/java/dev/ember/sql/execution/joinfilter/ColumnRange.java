package dev.ember.sql.execution.joinfilter;

/**
 * What a scan's file statistics say about one integral column: its smallest and largest value and the rows
 * scanned, from which a built {@link KeyFilter} estimates the share of rows it lets through.
 *
 * @param min the smallest non-NULL value
 * @param max the largest non-NULL value, at least {@code min}
 * @param rows the rows of the files, NULLs included
 */
public record ColumnRange(long min, long max, long rows) {

  /** Validates the range. */
  public ColumnRange {
    if (min > max || rows < 0) {
      throw new IllegalArgumentException("Empty column range [" + min + ", " + max + "] of " + rows + " rows");
    }
  }

  /**
   * An upper bound of the column's distinct values, as its range and its rows allow: the denominator of a
   * filter's pass fraction. Saturates for ranges wider than a long counts.
   */
  public long distinctBound() {
    long range = max - min + 1;
    return range <= 0 ? rows : Math.min(range, rows);
  }
}
