package dev.ember.shuffle;

import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import java.io.IOException;
import java.io.InputStream;

/** Reads shuffle slices straight from this executor's files: the block client of local mode. */
public final class LocalShuffleBlockClient implements ShuffleBlockClient {

  private final IndexShuffleBlockResolver resolver;

  public LocalShuffleBlockClient(IndexShuffleBlockResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public InputStream openBlock(BlockManagerId location, BlockId.ShuffleBlockId blockId) throws IOException {
    return resolver.openBlock(blockId);
  }
}
