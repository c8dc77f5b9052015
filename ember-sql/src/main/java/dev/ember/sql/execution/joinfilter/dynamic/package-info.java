/**
 * Run-time join filters from build sides already materialized (DuckDB's dynamic join filters): the keys of a
 * join's build side, once in hand, filter the probe side's file scan before its tasks run.
 */
package dev.ember.sql.execution.joinfilter.dynamic;
