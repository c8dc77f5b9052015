package dev.ember.sql.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * A persistent table's statistics as ANALYZE TABLE computed them (Spark's {@code CatalogStatistics}): the data
 * files' bytes, the row count unless NOSCAN, and per-column statistics for the columns analyzed.
 *
 * @param sizeInBytes the total bytes of the table's data files
 * @param rowCount the number of rows, or {@code null} when not counted (NOSCAN)
 * @param columns statistics by lower-case column name
 */
public record TableStatistics(long sizeInBytes, Long rowCount, Map<String, ColumnStatistics> columns) {

  /** Copies the column statistics, sorted by name. */
  public TableStatistics {
    columns = Map.copyOf(new TreeMap<>(columns));
  }

  /** What DESCRIBE EXTENDED prints: {@code 1234 bytes, 10 rows}, as Spark. */
  public String simpleString() {
    return sizeInBytes + " bytes" + (rowCount == null ? "" : ", " + rowCount + " rows");
  }

  /**
   * The statistics of one column (Spark's {@code CatalogColumnStat}); min and max are kept as strings (cast
   * from the column's type), and not at all for strings, as Spark.
   *
   * @param distinctCount the estimated number of distinct non-NULL values (HyperLogLog++, as Spark)
   * @param min the smallest value, or {@code null}
   * @param max the largest value, or {@code null}
   * @param nullCount the number of NULLs
   */
  public record ColumnStatistics(long distinctCount, String min, String max, long nullCount) {}
}
