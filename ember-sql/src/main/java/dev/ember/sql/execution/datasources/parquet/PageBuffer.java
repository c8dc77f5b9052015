package dev.ember.sql.execution.datasources.parquet;

/**
 * The byte array one column's data pages are decompressed into, page after page, so a scan does not allocate (and
 * the JVM zero) a new array for every page. It belongs to one {@link ParquetColumnDecoder}, which lends it to
 * {@link ParquetPageCodecs} only while it reads its next page: by then nothing of the previous page is referenced
 * any more (values leave the decoder as copies: numbers in primitive arrays, Strings and byte arrays copied out).
 * Arrays larger than {@link #MAX_RETAINED} bytes are handed out once and not kept, so a huge page does not pin
 * memory for the rest of the scan.
 */
final class PageBuffer {

  /** The largest array kept for the next page. */
  static final int MAX_RETAINED = 8 << 20;

  private byte[] bytes = new byte[0];

  /** An array of at least {@code size} bytes for the next page, replacing the page read into it before. */
  byte[] forPage(int size) {
    if (size > MAX_RETAINED) {
      return new byte[size];
    }
    if (bytes.length < size) {
      // Grow with headroom: pages of one column differ a little in size.
      bytes = new byte[Math.min(MAX_RETAINED, Math.max(size, size + (size >> 3)))];
    }
    return bytes;
  }

  /** The bytes currently kept (for tests). */
  int retained() {
    return bytes.length;
  }
}
