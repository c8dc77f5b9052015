package dev.ember.storage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Where one block is kept on one executor and how big it is there.
 *
 * @param level the level the block is kept at; {@link StorageLevel#NONE} once it is gone
 * @param memorySize the bytes it takes in memory (estimated for deserialized values)
 * @param diskSize the bytes of its file on local disk
 */
public record BlockStatus(StorageLevel level, long memorySize, long diskSize) implements Serializable {

  /** The status of a block that is not stored. */
  public static final BlockStatus EMPTY = new BlockStatus(StorageLevel.NONE, 0, 0);

  public BlockStatus {
    requireNonNull(level, "level is null");
  }

  /** Whether the block is kept anywhere on its executor. */
  public boolean isCached() {
    return memorySize > 0 || diskSize > 0;
  }
}
