/**
 * Reading and writing data sources: {@link dev.ember.sql.sources.DataFrameReader} ({@code session.read()}),
 * {@link dev.ember.sql.sources.DataFrameWriter} ({@code df.write()}) and {@link dev.ember.sql.sources.SaveMode}.
 */
package dev.ember.sql.sources;
