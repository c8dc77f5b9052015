package dev.ember.rdd;

import dev.ember.Partition;

/** A partition of a checkpoint RDD: only its index, which names its saved data. */
record CheckpointPartition(int index) implements Partition {}
