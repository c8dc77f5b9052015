package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of three arguments. */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> extends Serializable {
  R call(T1 first, T2 second, T3 third) throws Exception;
}
