/**
 * Resilient Distributed Datasets: the {@link dev.ember.rdd.RDD} API, its pair view and the RDD classes behind
 * the transformations.
 */
package dev.ember.rdd;
