/**
 * The JDBC data source, as Spark's: tables or queries of a database read as DataFrames (schema from the result
 * set metadata, column pruning and simple filters pushed into the SQL sent, partitioned reads by ranges of a
 * numeric column) and DataFrames written to tables with save modes, batched inserts and one transaction per
 * task.
 */
package dev.ember.sql.execution.datasources.jdbc;
