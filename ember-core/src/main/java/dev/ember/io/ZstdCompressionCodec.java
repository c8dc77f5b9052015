package dev.ember.io;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Zstandard streams: a better ratio than LZ4 for more CPU; loads its native library on first use. */
final class ZstdCompressionCodec implements CompressionCodec {

  private static final long serialVersionUID = 1L;
  private final int level;
  private final int bufferSize;

  ZstdCompressionCodec(int level, int bufferSize) {
    this.level = level;
    this.bufferSize = bufferSize;
  }

  @Override
  public OutputStream compressedOutputStream(OutputStream out) throws IOException {
    return new BufferedOutputStream(new ZstdOutputStream(out, level), bufferSize);
  }

  @Override
  public InputStream compressedInputStream(InputStream in) throws IOException {
    return new BufferedInputStream(new ZstdInputStream(in), bufferSize);
  }

  @Override
  public String fileExtension() {
    return ".zst";
  }
}
