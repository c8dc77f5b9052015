package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function producing a key-value pair, used by {@code mapToPair}. */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
  dev.ember.Tuple2<K, V> call(T value) throws Exception;
}
