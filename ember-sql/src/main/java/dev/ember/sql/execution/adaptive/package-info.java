/**
 * Adaptive query execution: decisions taken while a query runs, from the sizes its finished shuffle map stages
 * report, such as reading many tiny shuffle partitions as a few tasks ({@link
 * dev.ember.sql.execution.adaptive.AQEShuffleReadExec}).
 */
package dev.ember.sql.execution.adaptive;
