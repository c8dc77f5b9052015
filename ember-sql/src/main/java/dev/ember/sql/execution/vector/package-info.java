/** Columnar batches: primitive arrays with null masks, the data format of vectorized execution. */
package dev.ember.sql.execution.vector;
