package dev.ember.sql.execution.datasources.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The heap buffers parquet-java reads column chunks into, reused from row group to row group and from scan to
 * scan on one thread instead of allocated (and zeroed by the JVM) for every chunk. parquet-java returns a row
 * group's buffers here only when the row group is closed, which {@link ParquetColumnarReader} does before it
 * reads the next one and when it closes, once no decoder reads the pages any more (values leave the decoders as
 * copies). Each thread keeps at most {@link #MAX_BUFFERS} buffers of at most {@link #MAX_RETAINED_BYTES} bytes in
 * all; a buffer is never shared between threads, so a pool needs no locking.
 */
final class ChunkBufferPool implements ByteBufferAllocator {

  static final int MAX_BUFFERS = 16;
  static final long MAX_RETAINED_BYTES = 32L << 20;

  private static final ThreadLocal<ChunkBufferPool> POOLS = ThreadLocal.withInitial(ChunkBufferPool::new);

  /**
   * The allocator readers are given: each call goes to the calling thread's pool, so a buffer released on
   * another thread than the one that read it joins that thread's pool.
   */
  static final ByteBufferAllocator THREAD_POOLS = new ByteBufferAllocator() {
    @Override
    public ByteBuffer allocate(int size) {
      return POOLS.get().allocate(size);
    }

    @Override
    public void release(ByteBuffer buffer) {
      POOLS.get().release(buffer);
    }

    @Override
    public boolean isDirect() {
      return false;
    }
  };

  /**
   * The JVM property switching chunk reading through {@link ChannelInputFile} into pooled buffers off
   * ({@code false}), to compare with parquet-java's own path.
   */
  static final String ENABLED_PROPERTY = "ember.sql.parquet.chunkBufferReuse";

  private final List<ByteBuffer> free = new ArrayList<>();
  private long retainedBytes;

  /** The calling thread's pool. */
  static ChunkBufferPool forThread() {
    return POOLS.get();
  }

  /** Whether readers read chunks through a channel into pooled buffers ({@link #ENABLED_PROPERTY}). */
  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY));
  }

  @Override
  public ByteBuffer allocate(int size) {
    int best = -1;
    for (int i = 0; i < free.size(); i++) {
      int capacity = free.get(i).capacity();
      if (capacity >= size && (best < 0 || capacity < free.get(best).capacity())) {
        best = i;
      }
    }
    if (best < 0) {
      return ByteBuffer.allocate(size);
    }
    ByteBuffer buffer = free.remove(best);
    retainedBytes -= buffer.capacity();
    return buffer.clear().limit(size);
  }

  @Override
  public void release(ByteBuffer buffer) {
    int capacity = buffer.capacity();
    if (buffer.isDirect() || !buffer.hasArray() || capacity > MAX_RETAINED_BYTES) {
      return;
    }
    for (ByteBuffer kept : free) {
      if (kept == buffer) {
        return;
      }
    }
    while (!free.isEmpty() && (free.size() == MAX_BUFFERS || retainedBytes + capacity > MAX_RETAINED_BYTES)) {
      // Keep the larger buffers: they serve any smaller chunk too.
      int smallest = 0;
      for (int i = 1; i < free.size(); i++) {
        if (free.get(i).capacity() < free.get(smallest).capacity()) {
          smallest = i;
        }
      }
      if (free.get(smallest).capacity() >= capacity) {
        return;
      }
      retainedBytes -= free.remove(smallest).capacity();
    }
    free.add(buffer);
    retainedBytes += capacity;
  }

  @Override
  public boolean isDirect() {
    return false;
  }

  /** The bytes and buffers kept (for tests). */
  long retainedBytes() {
    return retainedBytes;
  }

  int retainedBuffers() {
    return free.size();
  }
}
