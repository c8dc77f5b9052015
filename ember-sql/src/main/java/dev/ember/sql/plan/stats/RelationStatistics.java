package dev.ember.sql.plan.stats;

import java.util.Locale;
import java.util.Map;

/**
 * The statistics ANALYZE TABLE computed for a table, as a scan of it carries them into the optimizer.
 *
 * @param rowCount the table's rows, or {@code null} when only its size was computed (NOSCAN)
 * @param columns statistics by lower-case column name
 */
public record RelationStatistics(Long rowCount, Map<String, ColumnStat> columns) {

  /** Copies the map. */
  public RelationStatistics {
    columns = Map.copyOf(columns);
  }

  /** The statistics of column {@code name}, or {@code null}. */
  public ColumnStat column(String name) {
    return columns.get(name.toLowerCase(Locale.ROOT));
  }
}
