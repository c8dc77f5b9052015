package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function producing zero or more key-value pairs, used by {@code flatMapToPair}. */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
  java.util.Iterator<dev.ember.Tuple2<K, V>> call(T value) throws Exception;
}
