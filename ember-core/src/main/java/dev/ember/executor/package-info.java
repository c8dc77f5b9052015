/** Runs tasks on a thread pool and reports their results, failures and metrics. */
package dev.ember.executor;
