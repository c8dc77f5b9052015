/**
 * Serializable functional interfaces for the lambdas passed to RDD operations. Every interface extends
 * {@link java.io.Serializable} because closures travel to executors inside tasks.
 */
package dev.ember.api.function;
