/**
 * Ember's benchmark: the same workloads on Ember, Apache Spark and DuckDB, interleaved, on the same
 * generated data. {@link dev.ember.bench.BenchMain} is the command line.
 */
package dev.ember.bench;
