/**
 * The driver's side of a standalone cluster: the cluster manager found by core's
 * {@code ExternalClusterManager} SPI, the scheduler backend that registers the application with the master
 * and runs tasks on executor processes, and the messages between driver and executors.
 */
package dev.ember.cluster.scheduler;
