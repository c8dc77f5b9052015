package dev.ember.serializer;

import dev.ember.EmberConf;
import dev.ember.io.CompressionCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Wraps shuffle and spill streams with compression as configured: {@code spark.shuffle.compress} and
 * {@code spark.shuffle.spill.compress} (both default true) with the codec of
 * {@code spark.io.compression.codec}.
 */
public final class SerializerManager {

  private final EmberConf conf;
  private final boolean compressShuffle;
  private final boolean compressSpill;
  private volatile CompressionCodec codec;

  /**
   * Reads the compression settings of {@code conf}. The codec is created on first use, so an unsupported
   * codec fails the first task that compresses (with {@code UNSUPPORTED_COMPRESSION_CODEC}), not the context.
   */
  public SerializerManager(EmberConf conf) {
    this.conf = conf;
    this.compressShuffle = conf.getBoolean("ember.shuffle.compress", true);
    this.compressSpill = conf.getBoolean("ember.shuffle.spill.compress", true);
  }

  /** Compresses one shuffle segment written to {@code out}, if shuffle compression is on. */
  public OutputStream wrapForShuffle(OutputStream out) throws IOException {
    return compressShuffle ? codec().compressedOutputStream(out) : out;
  }

  /** Decompresses one shuffle segment read from {@code in}, if shuffle compression is on. */
  public InputStream wrapForShuffle(InputStream in) throws IOException {
    return compressShuffle ? codec().compressedInputStream(in) : in;
  }

  /** Compresses a spill file written to {@code out}, if spill compression is on. */
  public OutputStream wrapForSpill(OutputStream out) throws IOException {
    return compressSpill ? codec().compressedOutputStream(out) : out;
  }

  /** Decompresses a spill file read from {@code in}, if spill compression is on. */
  public InputStream wrapForSpill(InputStream in) throws IOException {
    return compressSpill ? codec().compressedInputStream(in) : in;
  }

  private CompressionCodec codec() {
    CompressionCodec current = codec;
    if (current == null) {
      synchronized (this) {
        if (codec == null) {
          codec = CompressionCodec.fromConf(conf);
        }
        current = codec;
      }
    }
    return current;
  }
}
