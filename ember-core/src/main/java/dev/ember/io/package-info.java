/** Compression codecs for shuffle and spill streams. */
package dev.ember.io;
