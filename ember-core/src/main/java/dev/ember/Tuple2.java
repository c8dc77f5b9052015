package dev.ember;

import java.io.Serializable;

/**
 * An immutable pair, the element type of pair RDDs. Accessors are named as in Spark ({@code _1()}, {@code _2()})
 * so code written against Spark's Java API reads the same.
 *
 * <pre>{@code
 * PairRDD<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 *
 * @param _1 the first element (the key of a pair RDD)
 * @param _2 the second element (the value of a pair RDD)
 */
public record Tuple2<A, B>(A _1, B _2) implements Serializable {

  /** Returns a new pair with the two elements swapped. */
  public Tuple2<B, A> swap() {
    return new Tuple2<>(_2, _1);
  }

  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + ")";
  }
}
