package dev.ember.io;

import java.io.InputStream;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4BlockInputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;

/** LZ4 block streams: fast compression with a modest ratio, the default shuffle and spill codec. */
final class Lz4CompressionCodec implements CompressionCodec {

  private static final long serialVersionUID = 1L;
  private final int blockSize;

  Lz4CompressionCodec(int blockSize) {
    this.blockSize = blockSize;
  }

  @Override
  public OutputStream compressedOutputStream(OutputStream out) {
    return new LZ4BlockOutputStream(out, blockSize);
  }

  @Override
  public InputStream compressedInputStream(InputStream in) {
    return new LZ4BlockInputStream(in);
  }

  @Override
  public String fileExtension() {
    return ".lz4";
  }
}
