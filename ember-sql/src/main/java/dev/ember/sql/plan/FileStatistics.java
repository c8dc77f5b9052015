package dev.ember.sql.plan;

import java.util.Locale;
import java.util.Map;

/**
 * The row count and per-column statistics a relation's file footers hold (Parquet's row groups), read once
 * per listing of the files: what a filtered scan's row estimate starts from without ANALYZE TABLE.
 *
 * @param rows the rows of the files
 * @param columns statistics by lower-case column name; columns the footers do not describe are absent
 */
public record FileStatistics(long rows, Map<String, FileColumnStatistics> columns) {

  /** Copies the map. */
  public FileStatistics {
    if (rows < 0) {
      throw new IllegalArgumentException("Negative row count " + rows);
    }
    columns = Map.copyOf(columns);
  }

  /** The statistics of column {@code name}, or {@code null}. */
  public FileColumnStatistics column(String name) {
    return columns.get(name.toLowerCase(Locale.ROOT));
  }
}
