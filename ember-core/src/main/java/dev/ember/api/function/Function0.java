package dev.ember.api.function;

import java.io.Serializable;

/** A serializable function of no argument. */
@FunctionalInterface
public interface Function0<R> extends Serializable {
  R call() throws Exception;
}
