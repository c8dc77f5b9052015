package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of a group's key and values returning one result, used by {@code mapGroups}. */
@FunctionalInterface
public interface MapGroupsFunction<K, V, R> extends Serializable {
  R call(K key, java.util.Iterator<V> values) throws Exception;
}
