package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of two arguments, used by {@code reduce}, {@code reduceByKey} and similar. */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
  R call(T1 first, T2 second) throws Exception;
}
