package dev.ember.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/** LZ4 frame format ({@code .lz4} files, as the {@code lz4} tool writes them), from lz4-java. Not Hadoop's. */
final class Lz4FrameCompressionCodec implements CompressionCodec {

  private static final long serialVersionUID = 1L;

  @Override
  public OutputStream compressedOutputStream(OutputStream out) throws IOException {
    return new LZ4FrameOutputStream(out);
  }

  @Override
  public InputStream compressedInputStream(InputStream in) throws IOException {
    return new LZ4FrameInputStream(in);
  }

  @Override
  public String fileExtension() {
    return ".lz4";
  }
}
