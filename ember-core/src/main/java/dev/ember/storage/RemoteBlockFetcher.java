package dev.ember.storage;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Fetches the serialized bytes of a block that another executor holds. Local mode has none (its one block
 * manager holds everything); a cluster executor asks the driver where the block is and fetches it over the
 * network, so a partition cached elsewhere is read instead of recomputed.
 */
@FunctionalInterface
public interface RemoteBlockFetcher {

  /** Fetches nothing: the fetcher of local mode. */
  RemoteBlockFetcher NONE = blockId -> Optional.empty();

  /** The bytes of {@code blockId} from some other block manager that holds it, or empty if none does. */
  Optional<ByteBuffer> fetchBlock(BlockId blockId);
}
