package dev.ember.sql.execution.datasources.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The decompressors of one Parquet reader: while a {@link ParquetColumnDecoder} reads its next data page it lends
 * its {@link PageBuffer} ({@link #lend}), and the page is decompressed straight into that array instead of into
 * a new one. SNAPPY pages are decompressed array to array in one native call (parquet-java's codec streams the
 * bytes through a stream buffer and two direct buffers and then copies them into a fresh array); other codecs
 * use parquet-java's decompressors and copy their output into the lent array. Pages read with nothing lent
 * (dictionary pages, nested columns' pages, dictionary filtering) get arrays of their own, as they may be kept.
 * UNCOMPRESSED pages stay slices of the column chunk. One instance serves one reader, on one thread at a time.
 */
final class ParquetPageCodecs implements CompressionCodecFactory {

  private final CodecFactory codecs;
  private final Map<CompressionCodecName, PageDecompressor> decompressors = new EnumMap<>(CompressionCodecName.class);
  /** The buffer of the decoder reading a data page now; null otherwise. */
  private PageBuffer lent;

  /**
   * The JVM property switching page decompression into reused arrays off ({@code false}), to compare with
   * parquet-java's own decompression path.
   */
  static final String ENABLED_PROPERTY = "ember.sql.parquet.pageBufferReuse";

  ParquetPageCodecs(ParquetConfiguration conf) {
    this.codecs = new CodecFactory(conf, 0);
  }

  /** Whether readers decompress pages through this class ({@link #ENABLED_PROPERTY}, on unless false). */
  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY));
  }

  /** Lends {@code buffer} for the page read next, or ends the loan with null. */
  void lend(PageBuffer buffer) {
    this.lent = buffer;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    return codecs.getCompressor(codecName);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    return decompressors.computeIfAbsent(codecName, name -> new PageDecompressor(name,
        codecs.getDecompressor(name)));
  }

  @Override
  public void release() {
    codecs.release();
  }

  /** The destination of one page: the lent buffer's array or, with nothing lent, a new one. */
  private byte[] destination(int size) {
    PageBuffer buffer = lent;
    // A loan serves one page: a second decompression during the same read must not overwrite the first.
    lent = null;
    return buffer == null ? new byte[size] : buffer.forPage(size);
  }

  /** Decompresses one codec's pages, into the lent buffer when there is one. */
  private final class PageDecompressor implements BytesInputDecompressor {

    private final CompressionCodecName codec;
    private final BytesInputDecompressor parquet;

    PageDecompressor(CompressionCodecName codec, BytesInputDecompressor parquet) {
      this.codec = codec;
      this.parquet = parquet;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      if (codec == CompressionCodecName.SNAPPY) {
        return snappy(bytes, uncompressedSize);
      }
      BytesInput decompressed = parquet.decompress(bytes, uncompressedSize);
      if (lent == null) {
        return decompressed;
      }
      byte[] out = destination(uncompressedSize);
      ByteBuffer target = ByteBuffer.wrap(out, 0, uncompressedSize);
      ByteBuffer result = decompressed.toByteBuffer(new LentAllocator(target), buffer -> { });
      return BytesInput.from(result);
    }

    private BytesInput snappy(BytesInput bytes, int uncompressedSize) throws IOException {
      ByteBuffer in = bytes.toByteBuffer();
      byte[] input;
      int offset;
      int length = in.remaining();
      if (in.hasArray()) {
        input = in.array();
        offset = in.arrayOffset() + in.position();
      } else {
        input = new byte[length];
        in.duplicate().get(input);
        offset = 0;
      }
      int size = Snappy.uncompressedLength(input, offset, length);
      if (size != uncompressedSize) {
        throw new IOException("A SNAPPY Parquet page decompresses to " + size + " bytes, not the "
            + uncompressedSize + " its header says");
      }
      byte[] out = destination(uncompressedSize);
      Snappy.uncompress(input, offset, length, out, 0);
      return BytesInput.from(out, 0, uncompressedSize);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      parquet.decompress(input, compressedSize, output, decompressedSize);
    }

    @Override
    public void release() {
      parquet.release();
    }
  }

  /** Hands out one prepared buffer: where parquet-java copies a decompressed stream. */
  private static final class LentAllocator implements ByteBufferAllocator {

    private final ByteBuffer target;

    LentAllocator(ByteBuffer target) {
      this.target = target;
    }

    @Override
    public ByteBuffer allocate(int size) {
      if (size > target.remaining()) {
        return ByteBuffer.allocate(size);
      }
      return target.slice(target.position(), size);
    }

    @Override
    public void release(ByteBuffer buffer) {
    }

    @Override
    public boolean isDirect() {
      return false;
    }
  }
}
