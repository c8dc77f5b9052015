package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function over a whole partition's iterator, used by {@code mapPartitions}. */
@FunctionalInterface
public interface MapPartitionsFunction<T, R> extends Serializable {
  java.util.Iterator<R> call(java.util.Iterator<T> partition) throws Exception;
}
