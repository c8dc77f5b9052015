package dev.ember.api.function;

import java.io.Serializable;

/** A serializable action on one value, used by {@code Dataset.foreach} (runs on the executors). */
@FunctionalInterface
public interface ForeachFunction<T> extends Serializable {
  void call(T value) throws Exception;
}
