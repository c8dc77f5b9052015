package dev.ember.api.function;

import java.io.Serializable;

/**
 * A serializable function of a group's key and values returning zero or more results, used by
 * {@code flatMapGroups}.
 */
@FunctionalInterface
public interface FlatMapGroupsFunction<K, V, R> extends Serializable {
  java.util.Iterator<R> call(K key, java.util.Iterator<V> values) throws Exception;
}
