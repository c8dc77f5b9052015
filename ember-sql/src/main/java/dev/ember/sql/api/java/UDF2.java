package dev.ember.sql.api.java;

import java.io.Serializable;

/**
 * A user-defined function of 2 arguments, for {@code session.udf().register(name, f, returnType)}. It is
 * serializable, as it runs in the executors: a lambda should capture only serializable values.
 *
 * @param <T1> the type of argument 1 (Integer, Long, Double, String, Boolean or LocalDate)
 * @param <T2> the type of argument 2 (Integer, Long, Double, String, Boolean or LocalDate)
 * @param <R> the result type
 */
@FunctionalInterface
public interface UDF2<T1, T2, R> extends Serializable {

  /** The result for the given arguments (NULLs arrive as null). */
  R call(T1 t1, T2 t2) throws Exception;
}
