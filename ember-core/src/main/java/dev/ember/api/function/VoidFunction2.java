package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of two arguments with no result. */
@FunctionalInterface
public interface VoidFunction2<T1, T2> extends Serializable {
  void call(T1 first, T2 second) throws Exception;
}
