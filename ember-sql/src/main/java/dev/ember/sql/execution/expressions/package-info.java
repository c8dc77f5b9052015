/** Vectorized evaluation of bound expressions over columnar batches, one column at a time. */
package dev.ember.sql.execution.expressions;
