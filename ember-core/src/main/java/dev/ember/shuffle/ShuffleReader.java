package dev.ember.shuffle;

import dev.ember.Tuple2;
import java.util.Iterator;

/** Reads a reduce task's slices of a shuffle from every map output, fetched from wherever they live. */
public interface ShuffleReader<K, C> {

  /** The records of the reduce partitions, combined and sorted as the shuffle dependency asks. */
  Iterator<Tuple2<K, C>> read();
}
