/** Immutable expression trees of logical plans, unresolved and resolved, with Spark's null semantics. */
package dev.ember.sql.plan.expressions;
