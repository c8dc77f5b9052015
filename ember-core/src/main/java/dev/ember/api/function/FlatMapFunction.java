package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function returning zero or more results as an iterator, used by {@code flatMap}. */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
  java.util.Iterator<R> call(T value) throws Exception;
}
