/**
 * Runs jobs: the DAG scheduler splits them into stages, the task scheduler turns stages into task attempts on
 * executor cores, and the listener bus reports what happens.
 */
package dev.ember.scheduler;
