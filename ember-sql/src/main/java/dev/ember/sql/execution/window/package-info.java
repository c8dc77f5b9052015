/**
 * Window operators: {@link dev.ember.sql.execution.window.WindowExec} and the evaluation of window functions
 * and aggregates over frames of a sorted partition.
 */
package dev.ember.sql.execution.window;
