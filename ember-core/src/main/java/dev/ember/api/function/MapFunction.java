package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of one value, used by the typed {@code Dataset.map} and {@code groupByKey}. */
@FunctionalInterface
public interface MapFunction<T, U> extends Serializable {
  U call(T value) throws Exception;
}
