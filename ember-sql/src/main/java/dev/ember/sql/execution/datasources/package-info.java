/**
 * The file data sources behind {@code session.read()} and {@code df.write()}: one {@link
 * dev.ember.sql.execution.datasources.FileFormat} per format (schema inference, reading splits into columnar
 * batches with column and filter pushdown, writing rows), listing with {@code key=value} partition discovery,
 * the {@link dev.ember.sql.execution.datasources.LogicalRelation} leaf and its physical
 * {@link dev.ember.sql.execution.datasources.FileSourceScanExec}, and writes through a commit protocol.
 */
package dev.ember.sql.execution.datasources;
