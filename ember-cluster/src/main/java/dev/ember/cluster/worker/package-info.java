/** The standalone worker: registers with the master and runs executor JVM processes on its request. */
package dev.ember.cluster.worker;
