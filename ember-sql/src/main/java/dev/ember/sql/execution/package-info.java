/** Physical planning and vectorized operators that run as RDDs of columnar batches on ember-core. */
package dev.ember.sql.execution;
