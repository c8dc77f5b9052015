/**
 * File input and output for RDDs: resolving input paths (directories, comma-separated lists, globs), choosing
 * the {@link dev.ember.io.CompressionCodec} of a file by its extension, splitting files into byte ranges and
 * reading lines across split boundaries, and writing text and object output through a commit protocol that
 * publishes files only when the job succeeds.
 *
 * <p>This package depends only on {@code dev.ember} and {@code dev.ember.io}; the RDDs that use it live in
 * {@code dev.ember.rdd}.
 */
package dev.ember.rdd.io;
