package dev.ember.sql.plan.stats;

import dev.ember.sql.plan.SizedRelation;

/** A scan that may carry the statistics ANALYZE TABLE computed for its table. */
public interface AnalyzedRelation extends SizedRelation {

  /** The table's statistics, or {@code null} when ANALYZE TABLE was not run (or the scan is not of a table). */
  RelationStatistics catalogStatistics();
}
