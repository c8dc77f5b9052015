package dev.ember;

import java.io.Serializable;

/** One slice of an RDD's data, computed by one task. Implementations carry what {@code compute} needs. */
public interface Partition extends Serializable {

  /** The partition's position in its RDD, from 0 to {@code getNumPartitions() - 1}. */
  int index();
}
