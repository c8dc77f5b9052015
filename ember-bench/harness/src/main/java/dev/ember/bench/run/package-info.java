/**
 * What a benchmark child process and the harness agree on: the result line, peak memory and the
 * text format of query answers.
 */
package dev.ember.bench.run;
