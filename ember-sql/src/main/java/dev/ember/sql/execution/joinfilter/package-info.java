/**
 * Runtime join filters (Spark's InjectRuntimeFilter): the set of join keys of a join's small, selective side,
 * built on the driver before the query runs ({@link dev.ember.sql.execution.joinfilter.KeyFilter}), and the
 * predicates that test the other side's scan rows against it while the scan decodes them.
 */
package dev.ember.sql.execution.joinfilter;
