/** Immutable logical plans: the one representation of a query shared by SQL text and the DataFrame API. */
package dev.ember.sql.plan;
