package dev.ember.io;

import dev.ember.EmberConf;
import dev.ember.EmberException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Locale;

/**
 * Compresses shuffle and spill streams. Chosen by {@code spark.io.compression.codec}: {@code lz4} (the
 * default) or {@code zstd}, or Spark's class names for them. Each compressed stream is self-contained, so a
 * reader can decode it without anything written before it.
 */
public interface CompressionCodec extends Serializable {

  /** Wraps {@code out} so bytes written are compressed; closing the wrapper finishes the frame and closes it. */
  OutputStream compressedOutputStream(OutputStream out) throws IOException;

  /** Wraps {@code in} to decompress a stream written by {@link #compressedOutputStream}. */
  InputStream compressedInputStream(InputStream in) throws IOException;

  /** The codec named by {@code spark.io.compression.codec}. */
  static CompressionCodec fromConf(EmberConf conf) {
    return create(conf.get("ember.io.compression.codec", "lz4"), conf);
  }

  /**
   * The codec called {@code name} ({@code lz4}, {@code zstd}, or a Spark codec class name).
   *
   * @throws EmberException {@code UNSUPPORTED_COMPRESSION_CODEC} for any other name
   */
  static CompressionCodec create(String name, EmberConf conf) {
    String shortName = switch (name) {
      case "org.apache.spark.io.LZ4CompressionCodec" -> "lz4";
      case "org.apache.spark.io.ZStdCompressionCodec" -> "zstd";
      default -> name.toLowerCase(Locale.ROOT);
    };
    return switch (shortName) {
      case "lz4" -> new Lz4CompressionCodec(
          (int) conf.getSizeAsBytes("ember.io.compression.lz4.blockSize", "32k"));
      case "zstd" -> new ZstdCompressionCodec(conf.getInt("ember.io.compression.zstd.level", 1),
          (int) conf.getSizeAsBytes("ember.io.compression.zstd.bufferSize", "32k"));
      default -> throw new EmberException("UNSUPPORTED_COMPRESSION_CODEC", "spark.io.compression.codec is '"
          + name + "', which Ember does not support; use lz4 or zstd (lzf and snappy are not built in).");
    };
  }
}
