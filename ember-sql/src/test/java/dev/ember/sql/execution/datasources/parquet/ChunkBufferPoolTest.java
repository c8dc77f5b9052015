package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The per-thread pool of column chunk buffers: reuse, the smallest fitting buffer, and its bounds. */
class ChunkBufferPoolTest {

  @Test
  void aReleasedBufferServesTheNextChunkThatFitsWithItsLimitSet() {
    ChunkBufferPool pool = new ChunkBufferPool();
    ByteBuffer first = pool.allocate(1000);
    assertThat(first.remaining()).isEqualTo(1000);
    first.position(1000);
    pool.release(first);
    pool.release(first);
    assertThat(pool.retainedBuffers()).isEqualTo(1);
    ByteBuffer again = pool.allocate(600);
    assertThat(again).isSameAs(first);
    assertThat(again.position()).isZero();
    assertThat(again.remaining()).isEqualTo(600);
    assertThat(pool.retainedBytes()).isZero();
    assertThat(pool.allocate(600)).isNotSameAs(first);
  }

  @Test
  void theSmallestFittingBufferIsTakenAndTooSmallOnesAreNot() {
    ChunkBufferPool pool = new ChunkBufferPool();
    ByteBuffer small = ByteBuffer.allocate(100);
    ByteBuffer medium = ByteBuffer.allocate(500);
    ByteBuffer large = ByteBuffer.allocate(5000);
    pool.release(large);
    pool.release(small);
    pool.release(medium);
    assertThat(pool.allocate(300)).isSameAs(medium);
    assertThat(pool.allocate(300)).isSameAs(large);
    assertThat(pool.allocate(300).capacity()).isEqualTo(300);
    assertThat(pool.retainedBuffers()).isEqualTo(1);
  }

  @Test
  void thePoolKeepsAtMostItsBoundsPreferringLargerBuffersAndNoDirectOnes() {
    ChunkBufferPool pool = new ChunkBufferPool();
    for (int i = 1; i <= ChunkBufferPool.MAX_BUFFERS + 4; i++) {
      pool.release(ByteBuffer.allocate(i * 1000));
    }
    assertThat(pool.retainedBuffers()).isEqualTo(ChunkBufferPool.MAX_BUFFERS);
    // The four smallest (1000 to 4000 bytes) were dropped for larger ones.
    assertThat(pool.allocate(1).capacity()).isEqualTo(5000);
    pool.release(ByteBuffer.allocateDirect(64));
    pool.release(ByteBuffer.allocate((int) ChunkBufferPool.MAX_RETAINED_BYTES + 1));
    assertThat(pool.retainedBuffers()).isEqualTo(ChunkBufferPool.MAX_BUFFERS - 1);
    ChunkBufferPool bytes = new ChunkBufferPool();
    int big = (int) (ChunkBufferPool.MAX_RETAINED_BYTES / 2);
    bytes.release(ByteBuffer.allocate(big));
    bytes.release(ByteBuffer.allocate(big));
    bytes.release(ByteBuffer.allocate(10));
    assertThat(bytes.retainedBytes()).isEqualTo(2L * big);
    // A larger buffer displaces smaller ones until it fits in the byte bound: both halves go.
    bytes.release(ByteBuffer.allocate(big + 1));
    assertThat(bytes.retainedBytes()).isEqualTo(big + 1L);
    assertThat(bytes.retainedBuffers()).isEqualTo(1);
  }
}
