package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function producing a double, used by {@code mapToDouble}. */
@FunctionalInterface
public interface DoubleFunction<T> extends Serializable {
  double call(T value) throws Exception;
}
