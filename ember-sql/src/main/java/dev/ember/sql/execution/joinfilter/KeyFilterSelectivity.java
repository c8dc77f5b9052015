package dev.ember.sql.execution.joinfilter;

/**
 * Estimates, once a runtime filter is built, the share of its application scan's rows it lets through, so a
 * scan evaluates its most selective filters first and leaves out a filter that would keep nearly every row (its
 * test costs a lookup a row and drops nothing). For integral keys the estimate is the filter's keys that fall in
 * the column's [min, max] over the column's distinct values, bounded by its range and its rows (values spread
 * evenly, each key about as frequent); without column statistics it is the keys over the scan's estimated rows.
 * A key filter of hashes has no range: its keys over the scan's rows.
 */
public final class KeyFilterSelectivity {

  /** A filter estimated to pass at least this share of rows, over the column's whole range, is dropped. */
  public static final double USELESS_PASS_FRACTION = 0.9;
  /** The pass fraction of a filter nothing is known about. */
  public static final double UNKNOWN = 1.0;

  private KeyFilterSelectivity() {}

  /**
   * The estimated share of rows {@code filter} keeps of a scan whose key column has {@code range} (or null when
   * the files hold no statistics for it) and about {@code scanRows} rows (or a negative or unknown count).
   */
  public static double passFraction(KeyFilter filter, ColumnRange range, long scanRows) {
    if (filter.keyCount() == 0) {
      return 0.0;
    }
    if (filter.integral() && range != null) {
      long low = Math.max(filter.min(), range.min());
      long high = Math.min(filter.max(), range.max());
      if (low > high) {
        return 0.0;
      }
      double keysInside = filter.keyCount() * overlapShare(filter, low, high);
      return Math.min(1.0, keysInside / Math.max(1, range.distinctBound()));
    }
    if (scanRows > 0 && scanRows != Long.MAX_VALUE) {
      return Math.min(1.0, (double) filter.keyCount() / scanRows);
    }
    return UNKNOWN;
  }

  /**
   * Whether {@code filter} would keep nearly every row of a column with {@code range}: its keys' range covers
   * the column's (so no row group is skipped by it either) and it passes at least {@link #USELESS_PASS_FRACTION}.
   */
  public static boolean useless(KeyFilter filter, ColumnRange range, double passFraction) {
    return filter.integral() && range != null && filter.min() <= range.min() && filter.max() >= range.max()
        && passFraction >= USELESS_PASS_FRACTION;
  }

  /** The share of the filter's [min, max] that [low, high] is, its keys assumed spread evenly over it. */
  private static double overlapShare(KeyFilter filter, long low, long high) {
    double filterRange = (double) filter.max() - filter.min() + 1;
    double overlap = (double) high - low + 1;
    return Math.min(1.0, overlap / filterRange);
  }
}
