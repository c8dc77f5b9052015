package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of one argument, used by {@code map} and similar transformations. */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
  R call(T value) throws Exception;
}
