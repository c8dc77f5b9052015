/** The messages the standalone master, its workers and applications exchange, and how the cluster is addressed. */
package dev.ember.cluster.deploy;
