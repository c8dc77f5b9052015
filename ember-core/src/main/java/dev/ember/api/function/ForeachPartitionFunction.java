package dev.ember.api.function;

import java.io.Serializable;

/** A serializable action on a partition's values, used by {@code Dataset.foreachPartition}. */
@FunctionalInterface
public interface ForeachPartitionFunction<T> extends Serializable {
  void call(java.util.Iterator<T> partition) throws Exception;
}
