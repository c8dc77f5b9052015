/**
 * Executor processes: {@code ExecutorMain} connects back to the driver, runs tasks with core's executor, serves
 * its shuffle output to other executors and fetches theirs, and exits when the driver goes away.
 */
package dev.ember.cluster.executor;
