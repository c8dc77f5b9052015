package dev.ember.rdd.io;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.ember.EmberException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The compression formats of text input and output, recognized by file extension when reading and by name
 * (short name or Hadoop codec class name) when writing. Compressed files cannot be split: each is read whole.
 *
 * <pre>{@code
 * rdd.saveAsTextFile("out", "gzip");   // part-00000.gz, ...
 * }</pre>
 */
public enum CompressionCodec {

  /** gzip ({@code .gz}), from the JDK. */
  GZIP(".gz", List.of(".gz"), List.of("gzip", "gz", "org.apache.hadoop.io.compress.GzipCodec", "GzipCodec")) {
    @Override
    public InputStream wrapInput(InputStream raw) throws IOException {
      return new GZIPInputStream(raw, 64 * 1024);
    }

    @Override
    public OutputStream wrapOutput(OutputStream raw) throws IOException {
      return new GZIPOutputStream(raw, 64 * 1024);
    }
  },

  /** bzip2 ({@code .bz2}), from commons-compress; concatenated streams are read as one. */
  BZIP2(".bz2", List.of(".bz2"), List.of("bzip2", "bz2", "org.apache.hadoop.io.compress.BZip2Codec", "BZip2Codec")) {
    @Override
    public InputStream wrapInput(InputStream raw) throws IOException {
      return new BZip2CompressorInputStream(raw, true);
    }

    @Override
    public OutputStream wrapOutput(OutputStream raw) throws IOException {
      return new BZip2CompressorOutputStream(raw);
    }
  },

  /** Zstandard ({@code .zst}, {@code .zstd}), from zstd-jni. */
  ZSTD(".zst", List.of(".zst", ".zstd"),
      List.of("zstd", "zstandard", "org.apache.hadoop.io.compress.ZStandardCodec", "ZStandardCodec")) {
    @Override
    public InputStream wrapInput(InputStream raw) throws IOException {
      return new ZstdInputStream(raw);
    }

    @Override
    public OutputStream wrapOutput(OutputStream raw) throws IOException {
      return new ZstdOutputStream(raw);
    }
  },

  /** LZ4 frame format ({@code .lz4}), from lz4-java. Not Hadoop's block format. */
  LZ4(".lz4", List.of(".lz4"), List.of("lz4", "org.apache.hadoop.io.compress.Lz4Codec", "Lz4Codec")) {
    @Override
    public InputStream wrapInput(InputStream raw) throws IOException {
      return new LZ4FrameInputStream(raw);
    }

    @Override
    public OutputStream wrapOutput(OutputStream raw) throws IOException {
      return new LZ4FrameOutputStream(raw);
    }
  };

  private final String defaultExtension;
  private final List<String> extensions;
  private final List<String> names;

  CompressionCodec(String defaultExtension, List<String> extensions, List<String> names) {
    this.defaultExtension = defaultExtension;
    this.extensions = extensions;
    this.names = names;
  }

  /** Decompresses {@code raw}. */
  public abstract InputStream wrapInput(InputStream raw) throws IOException;

  /** Compresses into {@code raw}; closing the result finishes the compressed stream. */
  public abstract OutputStream wrapOutput(OutputStream raw) throws IOException;

  /** The extension written files get, with its dot, e.g. {@code .gz}. */
  public String defaultExtension() {
    return defaultExtension;
  }

  /** The codec of a file named {@code fileName}, by extension; empty for an uncompressed file. */
  public static Optional<CompressionCodec> forFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (CompressionCodec codec : values()) {
      for (String extension : codec.extensions) {
        if (lower.endsWith(extension)) {
          return Optional.of(codec);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The codec called {@code name}: a short name ({@code gzip}, {@code bzip2}, {@code zstd}, {@code lz4}) or a
   * Hadoop codec class name such as {@code org.apache.hadoop.io.compress.GzipCodec}.
   *
   * @throws EmberException {@code UNKNOWN_COMPRESSION_CODEC} if no codec has that name
   */
  public static CompressionCodec forName(String name) {
    for (CompressionCodec codec : values()) {
      for (String candidate : codec.names) {
        if (candidate.equalsIgnoreCase(name)) {
          return codec;
        }
      }
    }
    throw new EmberException("UNKNOWN_COMPRESSION_CODEC", "Compression codec '" + name + "' is not known; use "
        + "one of gzip, bzip2, zstd, lz4 or the matching org.apache.hadoop.io.compress class name.");
  }
}
