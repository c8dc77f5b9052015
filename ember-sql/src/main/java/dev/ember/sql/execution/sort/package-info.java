/** Sorting of columnar batches. */
package dev.ember.sql.execution.sort;
