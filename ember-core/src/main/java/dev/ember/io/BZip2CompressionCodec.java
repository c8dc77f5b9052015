package dev.ember.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** bzip2 ({@code .bz2}) streams, from commons-compress; concatenated streams are read as one. */
final class BZip2CompressionCodec implements CompressionCodec {

  private static final long serialVersionUID = 1L;

  @Override
  public OutputStream compressedOutputStream(OutputStream out) throws IOException {
    return new BZip2CompressorOutputStream(out);
  }

  @Override
  public InputStream compressedInputStream(InputStream in) throws IOException {
    return new BZip2CompressorInputStream(in, true);
  }

  @Override
  public String fileExtension() {
    return ".bz2";
  }
}
