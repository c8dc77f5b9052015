/**
 * Cached tables and DataFrames: the {@link dev.ember.sql.execution.columnar.CacheManager} substitutes an
 * {@link dev.ember.sql.execution.columnar.InMemoryRelation} wherever a cached plan appears, and
 * {@link dev.ember.sql.execution.columnar.InMemoryTableScanExec} reads its batches from a core RDD persisted at
 * the chosen storage level.
 */
package dev.ember.sql.execution.columnar;
