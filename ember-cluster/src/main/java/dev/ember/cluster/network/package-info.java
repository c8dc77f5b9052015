/**
 * The transport of a cluster, on Netty: length-prefixed frames carrying requests with ids and timeouts,
 * responses, one-way messages and raw block bytes, over connections that start with a shared-secret
 * challenge when {@code spark.authenticate} is on.
 */
package dev.ember.cluster.network;
