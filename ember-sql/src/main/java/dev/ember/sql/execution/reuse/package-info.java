/**
 * Reuse of subplans shared by a query and its subqueries (Spark's ReuseExchange / ReuseSubquery idea): the
 * {@link dev.ember.sql.execution.reuse.SubplanMatcher} finds where a subquery's optimized plan computes what the
 * main plan computes, up to attribute renaming, so the shared part runs once per query.
 */
package dev.ember.sql.execution.reuse;
