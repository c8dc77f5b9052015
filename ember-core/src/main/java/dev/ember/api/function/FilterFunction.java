package dev.ember.api.function;

import java.io.Serializable;

/** A serializable predicate, used by the typed {@code Dataset.filter}: keeps the values it returns true for. */
@FunctionalInterface
public interface FilterFunction<T> extends Serializable {
  boolean call(T value) throws Exception;
}
