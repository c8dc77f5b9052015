package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function with no result, used by {@code foreach}. */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
  void call(T value) throws Exception;
}
