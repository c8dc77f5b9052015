package dev.ember;

import java.io.Serializable;

/**
 * Decides which partition a key of a pair RDD belongs to. Two RDDs with equal partitioners are
 * co-partitioned, so operations such as {@code join} between them need no shuffle.
 */
public abstract class Partitioner implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The number of partitions keys are spread over. */
  public abstract int numPartitions();

  /** The partition of {@code key}, from 0 to {@code numPartitions() - 1}. */
  public abstract int getPartition(Object key);
}
