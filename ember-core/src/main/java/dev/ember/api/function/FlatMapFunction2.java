package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of two iterators returning an iterator, used by {@code zipPartitions}. */
@FunctionalInterface
public interface FlatMapFunction2<T1, T2, R> extends Serializable {
  java.util.Iterator<R> call(T1 first, T2 second) throws Exception;
}
