package dev.ember.sql.plan;

/**
 * A leaf relation whose files carry column statistics in their footers, so {@link Statistics} estimates a
 * filter directly above it from the share of each column's range the filter keeps.
 */
public interface FileStatisticsRelation extends LeafNode {

  /** The statistics of the files, or {@code null} when their format keeps none or they cannot be read. */
  FileStatistics fileStatistics();
}
