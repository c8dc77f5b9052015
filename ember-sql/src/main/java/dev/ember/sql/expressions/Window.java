package dev.ember.sql.expressions;

import dev.ember.sql.Column;
import java.util.List;

/**
 * Builds {@link WindowSpec}s, as Spark's {@code Window}: {@code Window.partitionBy("a").orderBy("b")}.
 * Frame bounds are row or value offsets, with these constants for the partition's ends and the current row.
 */
public final class Window {

  private Window() {}

  /** The bound of a frame at the partition's first row. */
  public static long unboundedPreceding() {
    return Long.MIN_VALUE;
  }

  /** The bound of a frame at the partition's last row. */
  public static long unboundedFollowing() {
    return Long.MAX_VALUE;
  }

  /** The bound of a frame at the current row. */
  public static long currentRow() {
    return 0;
  }

  /** A window partitioned by the named columns. */
  public static WindowSpec partitionBy(String... columns) {
    return empty().partitionBy(columns);
  }

  /** A window partitioned by {@code columns}. */
  public static WindowSpec partitionBy(Column... columns) {
    return empty().partitionBy(columns);
  }

  /** A window over everything, ordered by the named columns. */
  public static WindowSpec orderBy(String... columns) {
    return empty().orderBy(columns);
  }

  /** A window over everything, ordered by {@code columns}. */
  public static WindowSpec orderBy(Column... columns) {
    return empty().orderBy(columns);
  }

  /** A ROWS frame over a window without partitioning or order. */
  public static WindowSpec rowsBetween(long start, long end) {
    return empty().rowsBetween(start, end);
  }

  /** A RANGE frame over a window without partitioning or order. */
  public static WindowSpec rangeBetween(long start, long end) {
    return empty().rangeBetween(start, end);
  }

  static WindowSpec empty() {
    return new WindowSpec(List.of(), List.of(), null);
  }
}
