/**
 * Serializable functional interfaces for the lambdas passed to RDD operations and to typed Dataset
 * operations ({@code MapFunction}, {@code FilterFunction}, {@code MapGroupsFunction}, ...). As in Spark, where
 * they all live in {@code org.apache.spark.api.java.function} of spark-core, they sit in the core module: one
 * package of function types for every API, and the core needs nothing of SQL to hold them. Every interface
 * extends {@link java.io.Serializable} because closures travel to executors inside tasks.
 */
package dev.ember.api.function;
