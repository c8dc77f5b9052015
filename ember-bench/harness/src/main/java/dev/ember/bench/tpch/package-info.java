/** The TPC-H workload: the queries, the engine interface, and the cross-engine answer check. */
package dev.ember.bench.tpch;
