package dev.ember.api.function;

import java.io.Serializable;

/** A serializable associative, commutative combination of two values, used by {@code Dataset.reduce}. */
@FunctionalInterface
public interface ReduceFunction<T> extends Serializable {
  T call(T first, T second) throws Exception;
}
