/**
 * Compression codecs: for shuffle and spill streams (by {@code spark.io.compression.codec}) and for text files
 * (by codec name when writing, by file extension when reading).
 */
package dev.ember.io;
