package dev.ember;

import java.io.Serializable;

/**
 * An immutable triple, the value type of a three-way {@code cogroup}. Accessors are named as in Spark
 * ({@code _1()}, {@code _2()}, {@code _3()}) so code written against Spark's Java API reads the same.
 *
 * <pre>{@code
 * PairRDD<String, Tuple3<Iterable<Integer>, Iterable<Long>, Iterable<String>>> all = a.cogroup(b, c);
 * }</pre>
 *
 * @param _1 the first element
 * @param _2 the second element
 * @param _3 the third element
 */
public record Tuple3<A, B, C>(A _1, B _2, C _3) implements Serializable {

  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + "," + _3 + ")";
  }
}
