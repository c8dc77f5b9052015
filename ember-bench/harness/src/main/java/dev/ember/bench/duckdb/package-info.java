/** DuckDB's side of the benchmark: the TPC-H queries through its JDBC driver. */
package dev.ember.bench.duckdb;
