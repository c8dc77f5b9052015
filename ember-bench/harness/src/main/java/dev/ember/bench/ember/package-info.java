/** Ember's side of the benchmark, run in a JVM whose classpath holds Ember and not Spark. */
package dev.ember.bench.ember;
