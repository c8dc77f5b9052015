package dev.ember.cluster.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteBlockInputStreamTest {

  private static final byte[] BLOCK = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void readsTheBlockChunkByChunkAndStopsAtTheShortChunk() throws IOException {
    List<Long> asked = new ArrayList<>();
    RemoteBlockInputStream in = new RemoteBlockInputStream((offset, length) -> {
      asked.add(offset);
      int from = (int) Math.min(offset, BLOCK.length);
      return Arrays.copyOfRange(BLOCK, from, Math.min(BLOCK.length, from + length));
    }, 4);

    assertThat(in.readAllBytes()).isEqualTo(BLOCK);
    assertThat(asked).containsExactly(0L, 4L, 8L);
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void aBlockThatIsAWholeNumberOfChunksEndsAtAnEmptyChunk() throws IOException {
    RemoteBlockInputStream in = new RemoteBlockInputStream((offset, length) ->
        Arrays.copyOfRange(BLOCK, (int) Math.min(offset, 10), (int) Math.min(10, offset + length)), 5);

    assertThat(in.readAllBytes()).isEqualTo(BLOCK);
  }

  @Test
  void aFailedChunkFailsTheRead() {
    RemoteBlockInputStream in = new RemoteBlockInputStream((offset, length) -> {
      throw new IOException("connection reset");
    }, 4);

    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("connection reset");
  }
}
