/** The parquet file format. */
package dev.ember.sql.execution.datasources.parquet;
