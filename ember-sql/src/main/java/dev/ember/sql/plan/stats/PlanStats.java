package dev.ember.sql.plan.stats;

import java.util.Map;

/**
 * The estimated output of a logical plan: rows, bytes and statistics of the columns that could be traced.
 *
 * @param rowCount the estimated number of rows
 * @param sizeInBytes the estimated bytes (rows times the output's row width)
 * @param columns statistics by attribute id
 */
public record PlanStats(double rowCount, double sizeInBytes, Map<Long, ColumnStat> columns) {

  /** Copies the map. */
  public PlanStats {
    columns = Map.copyOf(columns);
  }

  /** The statistics of attribute {@code exprId}, or {@code null}. */
  public ColumnStat column(long exprId) {
    return columns.get(exprId);
  }
}
