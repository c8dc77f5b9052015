package dev.ember.shuffle;

import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a slice of shuffle output wherever it lives: a local file read in local mode, a network fetch from
 * the executor that wrote it in a cluster.
 */
public interface ShuffleBlockClient {

  /**
   * Opens the bytes of {@code blockId} stored by the block manager at {@code location}.
   *
   * @throws IOException if the block is missing or cannot be read
   */
  InputStream openBlock(BlockManagerId location, BlockId.ShuffleBlockId blockId) throws IOException;
}
