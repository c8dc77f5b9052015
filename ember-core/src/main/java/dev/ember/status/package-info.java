/**
 * The progress of an application's jobs and stages as the listener bus reports it: {@link
 * dev.ember.status.EmberStatusTracker} for programs, backed by {@link dev.ember.status.AppStatusStore}.
 */
package dev.ember.status;
