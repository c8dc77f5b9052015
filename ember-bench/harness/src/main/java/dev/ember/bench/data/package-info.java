/** Deterministic generation of the benchmark data: text, a graph, labelled points and TPC-H. */
package dev.ember.bench.data;
