package dev.ember.storage;

/**
 * Receives the changes of a block manager's blocks, so the driver knows where each block lives. In local mode
 * this is the driver's {@link BlockManagerMaster} itself; a cluster executor reports through the network.
 */
@FunctionalInterface
public interface BlockStatusListener {

  /** Block {@code blockId} on {@code blockManagerId} now has {@code status} ({@link BlockStatus#EMPTY}: gone). */
  void blockUpdated(BlockManagerId blockManagerId, BlockId blockId, BlockStatus status);

  /** A listener that ignores every update. */
  static BlockStatusListener none() {
    return (manager, block, status) -> { };
  }
}
