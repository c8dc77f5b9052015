package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function over a partition's index and iterator, used by {@code mapPartitionsWithIndex}. */
@FunctionalInterface
public interface MapPartitionsWithIndexFunction<T, R> extends Serializable {
  java.util.Iterator<R> call(Integer index, java.util.Iterator<T> partition) throws Exception;
}
