package dev.ember.io;

import dev.ember.EmberConf;
import dev.ember.EmberException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The names of the codecs. Shuffle streams know Spark's names ({@code spark.io.compression.codec}); files know
 * Hadoop's names and extensions. LZ4 differs between the two on purpose: shuffle streams use LZ4 block streams
 * (tunable block size, as Spark), files the standard LZ4 frame format that the {@code lz4} tool reads.
 */
final class CompressionCodecs {

  /** Zstandard's own default level, the level of zstd files. */
  private static final int ZSTD_FILE_LEVEL = 3;
  private static final int ZSTD_FILE_BUFFER = 64 * 1024;

  /** A file codec: the names it answers to, the extensions it reads, and how to make it. */
  private record FileCodec(List<String> names, List<String> extensions, Supplier<CompressionCodec> codec) {}

  /** In the order extensions are tried. */
  private static final List<FileCodec> FILE_CODECS = List.of(
      new FileCodec(List.of("gzip", "gz", "org.apache.hadoop.io.compress.GzipCodec", "GzipCodec"),
          List.of(".gz"), GzipCompressionCodec::new),
      new FileCodec(List.of("bzip2", "bz2", "org.apache.hadoop.io.compress.BZip2Codec", "BZip2Codec"),
          List.of(".bz2"), BZip2CompressionCodec::new),
      new FileCodec(List.of("zstd", "zstandard", "org.apache.hadoop.io.compress.ZStandardCodec", "ZStandardCodec"),
          List.of(".zst", ".zstd"), () -> new ZstdCompressionCodec(ZSTD_FILE_LEVEL, ZSTD_FILE_BUFFER)),
      new FileCodec(List.of("lz4", "org.apache.hadoop.io.compress.Lz4Codec", "Lz4Codec"),
          List.of(".lz4"), Lz4FrameCompressionCodec::new));

  private CompressionCodecs() {}

  static CompressionCodec forStreams(String name, EmberConf conf) {
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

  static CompressionCodec forFiles(String name) {
    for (FileCodec file : FILE_CODECS) {
      for (String candidate : file.names()) {
        if (candidate.equalsIgnoreCase(name)) {
          return file.codec().get();
        }
      }
    }
    throw new EmberException("UNKNOWN_COMPRESSION_CODEC", "Compression codec '" + name + "' is not known; use "
        + "one of gzip, bzip2, zstd, lz4 or the matching org.apache.hadoop.io.compress class name.");
  }

  static Optional<CompressionCodec> forFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (FileCodec file : FILE_CODECS) {
      for (String extension : file.extensions()) {
        if (lower.endsWith(extension)) {
          return Optional.of(file.codec().get());
        }
      }
    }
    return Optional.empty();
  }
}
