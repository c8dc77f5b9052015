/** Apache Spark's side of the benchmark, run in a JVM whose classpath holds Spark and not Ember. */
package dev.ember.bench.spark;
