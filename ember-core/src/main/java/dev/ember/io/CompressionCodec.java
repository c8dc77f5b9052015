package dev.ember.io;

import dev.ember.EmberConf;
import dev.ember.EmberException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * Compresses and decompresses byte streams: shuffle and spill streams (chosen by
 * {@code spark.io.compression.codec}: {@code lz4}, the default, or {@code zstd}) and text files (chosen by
 * name when writing, by file extension when reading: gzip, bzip2, zstd, lz4). Each compressed stream is
 * self-contained, so a reader can decode it without anything written before it.
 *
 * <pre>{@code
 * CompressionCodec shuffle = CompressionCodec.fromConf(conf);             // lz4 block streams
 * CompressionCodec gzip = CompressionCodec.forName("org.apache.hadoop.io.compress.GzipCodec");
 * Optional<CompressionCodec> byName = CompressionCodec.forFileName("part-00000.bz2");
 * }</pre>
 */
public interface CompressionCodec extends Serializable {

  /** Wraps {@code out} so bytes written are compressed; closing the wrapper finishes the frame and closes it. */
  OutputStream compressedOutputStream(OutputStream out) throws IOException;

  /** Wraps {@code in} to decompress a stream written by {@link #compressedOutputStream}. */
  InputStream compressedInputStream(InputStream in) throws IOException;

  /** The extension files written with this codec get, with its dot, e.g. {@code .gz}. */
  String fileExtension();

  /** The shuffle and spill codec named by {@code spark.io.compression.codec}. */
  static CompressionCodec fromConf(EmberConf conf) {
    return create(conf.get("ember.io.compression.codec", "lz4"), conf);
  }

  /**
   * The shuffle and spill codec called {@code name} ({@code lz4}, {@code zstd}, or a Spark codec class name),
   * tuned by {@code conf}.
   *
   * @throws EmberException {@code UNSUPPORTED_COMPRESSION_CODEC} for any other name
   */
  static CompressionCodec create(String name, EmberConf conf) {
    return CompressionCodecs.forStreams(name, conf);
  }

  /**
   * The file codec called {@code name}: a short name ({@code gzip}, {@code bzip2}, {@code zstd}, {@code lz4}) or
   * a Hadoop codec class name such as {@code org.apache.hadoop.io.compress.GzipCodec}.
   *
   * @throws EmberException {@code UNKNOWN_COMPRESSION_CODEC} if no codec has that name
   */
  static CompressionCodec forName(String name) {
    return CompressionCodecs.forFiles(name);
  }

  /** The codec of a file named {@code fileName}, by extension; empty for an uncompressed file. */
  static Optional<CompressionCodec> forFileName(String fileName) {
    return CompressionCodecs.forFileName(fileName);
  }
}
