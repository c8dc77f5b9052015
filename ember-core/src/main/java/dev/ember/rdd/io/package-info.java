/**
 * File input and output for RDDs: resolving input paths (directories, comma-separated lists, globs), compression
 * codecs chosen by file extension, splitting files into byte ranges and reading lines across split boundaries,
 * and writing text and object output through a commit protocol that publishes files only when the job
 * succeeds.
 *
 * <p>This package depends only on {@code dev.ember}; the RDDs that use it live in {@code dev.ember.rdd}.
 */
package dev.ember.rdd.io;
