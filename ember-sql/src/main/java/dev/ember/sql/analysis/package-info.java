/** The analyzer: resolves names, functions and types of logical plans against the session catalog. */
package dev.ember.sql.analysis;
