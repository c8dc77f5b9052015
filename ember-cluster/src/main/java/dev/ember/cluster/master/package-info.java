/**
 * The standalone master: workers register and heartbeat, applications ask for executors, and the master
 * places executors on workers, relaunches those that die and notices lost workers. Its state is shown on a
 * small web page and as JSON.
 */
package dev.ember.cluster.master;
