/** The harness: launching each engine's child JVM, interleaving runs, checking answers, reporting. */
package dev.ember.bench.harness;
