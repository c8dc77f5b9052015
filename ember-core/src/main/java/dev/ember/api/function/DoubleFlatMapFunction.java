package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function producing zero or more doubles. */
@FunctionalInterface
public interface DoubleFlatMapFunction<T> extends Serializable {
  java.util.Iterator<Double> call(T value) throws Exception;
}
