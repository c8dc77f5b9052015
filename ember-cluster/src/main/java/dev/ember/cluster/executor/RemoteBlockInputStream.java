package dev.ember.cluster.executor;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a remote block in chunks fetched on demand, so a large shuffle slice never sits whole in memory on
 * either side. The block ends at the first chunk shorter than asked for.
 */
final class RemoteBlockInputStream extends InputStream {

  /** Fetches up to {@code length} bytes of the block from {@code offset}. */
  @FunctionalInterface
  interface ChunkFetcher {
    byte[] fetch(long offset, int length) throws IOException;
  }

  static final int CHUNK_SIZE = 1 << 20;

  private final ChunkFetcher fetcher;
  private final int chunkSize;
  private byte[] chunk = new byte[0];
  private int position;
  private long nextOffset;
  private boolean lastChunk;

  RemoteBlockInputStream(ChunkFetcher fetcher) {
    this(fetcher, CHUNK_SIZE);
  }

  RemoteBlockInputStream(ChunkFetcher fetcher, int chunkSize) {
    this.fetcher = fetcher;
    this.chunkSize = chunkSize;
  }

  @Override
  public int read() throws IOException {
    if (!ensureBytes()) {
      return -1;
    }
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!ensureBytes()) {
      return -1;
    }
    int n = Math.min(length, chunk.length - position);
    System.arraycopy(chunk, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return chunk.length - position;
  }

  private boolean ensureBytes() throws IOException {
    while (position == chunk.length) {
      if (lastChunk) {
        return false;
      }
      chunk = fetcher.fetch(nextOffset, chunkSize);
      position = 0;
      nextOffset += chunk.length;
      lastChunk = chunk.length < chunkSize;
    }
    return true;
  }
}
