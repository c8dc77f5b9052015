package dev.ember;

/** Partitions keys by their {@code hashCode}, modulo the number of partitions; {@code null} goes to partition 0. */
public final class HashPartitioner extends Partitioner {

  private static final long serialVersionUID = 1L;
  private final int partitions;

  /** Creates a partitioner over {@code partitions} partitions (at least 0). */
  public HashPartitioner(int partitions) {
    if (partitions < 0) {
      throw new IllegalArgumentException("Number of partitions (" + partitions + ") cannot be negative.");
    }
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    if (key == null) {
      return 0;
    }
    return Math.floorMod(hashOf(key), partitions);
  }

  /** Arrays hash by content, as keys must be equal by content to be grouped together. */
  private static int hashOf(Object key) {
    if (key instanceof byte[] bytes) {
      return java.util.Arrays.hashCode(bytes);
    }
    if (key instanceof Object[] objects) {
      return java.util.Arrays.deepHashCode(objects);
    }
    return key.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HashPartitioner that && that.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }

  @Override
  public String toString() {
    return "HashPartitioner(" + partitions + ")";
  }
}
