package dev.ember.shuffle;

import dev.ember.storage.BlockManagerId;

/**
 * A reduce task could not read a map task's shuffle output (the file is gone, corrupt, or its executor is
 * lost). The scheduler reacts by rerunning the map stage that produced it, then the reduce stage.
 */
public final class FetchFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final BlockManagerId address;
  private final int shuffleId;
  private final long mapId;
  private final int mapIndex;
  private final int reduceId;

  /**
   * @param address where the output was expected, or {@code null} if no location is known
   * @param mapIndex the map partition whose output could not be read, or -1 if unknown
   */
  public FetchFailedException(BlockManagerId address, int shuffleId, long mapId, int mapIndex, int reduceId,
      String message, Throwable cause) {
    super(message, cause);
    this.address = address;
    this.shuffleId = shuffleId;
    this.mapId = mapId;
    this.mapIndex = mapIndex;
    this.reduceId = reduceId;
  }

  public BlockManagerId address() {
    return address;
  }

  public int shuffleId() {
    return shuffleId;
  }

  public long mapId() {
    return mapId;
  }

  public int mapIndex() {
    return mapIndex;
  }

  public int reduceId() {
    return reduceId;
  }
}
