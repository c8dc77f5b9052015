/**
 * Cardinality estimation for cost-based optimization (Spark's {@code BasicStatsPlanVisitor} and
 * {@code FilterEstimation} / {@code JoinEstimation}): row counts and per-column statistics propagated from
 * scans (ANALYZE TABLE statistics, or file sizes) through filters, projections, joins and aggregates.
 */
package dev.ember.sql.plan.stats;
