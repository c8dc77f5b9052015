package dev.ember.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip ({@code .gz}) streams, from the JDK. */
final class GzipCompressionCodec implements CompressionCodec {

  private static final long serialVersionUID = 1L;
  private static final int BUFFER = 64 * 1024;

  @Override
  public OutputStream compressedOutputStream(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, BUFFER);
  }

  @Override
  public InputStream compressedInputStream(InputStream in) throws IOException {
    return new GZIPInputStream(in, BUFFER);
  }

  @Override
  public String fileExtension() {
    return ".gz";
  }
}
