package dev.ember.rdd;

import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Transformations that compare or move whole elements through a shuffle: {@code distinct},
 * {@code intersection}, {@code subtract} and {@code coalesce} with a shuffle.
 */
final class SetOperations {

  /** Tags of where an element came from, combined with a bitwise or. */
  private static final int FROM_THIS = 1;
  private static final int FROM_OTHER = 2;

  private SetOperations() {}

  /** The distinct elements, in {@code numPartitions} partitions: one reduceByKey on the elements. */
  static <T> RDD<T> distinct(RDD<T> rdd, int numPartitions) {
    PairRDD<T, Boolean> keyed = rdd.mapToPair(x -> new Tuple2<>(x, Boolean.TRUE));
    return keyed.reduceByKey((a, b) -> a, numPartitions).keys();
  }

  /** The distinct elements found in both RDDs. */
  static <T> RDD<T> intersection(RDD<T> first, RDD<T> second, int numPartitions) {
    RDD<Tuple2<T, Integer>> tagged = first.mapToPair(x -> new Tuple2<>(x, FROM_THIS)).rdd()
        .union(second.mapToPair(x -> new Tuple2<>(x, FROM_OTHER)).rdd());
    return new PairRDD<>(tagged)
        .reduceByKey(new HashPartitioner(numPartitions), (a, b) -> a | b)
        .rdd()
        .filter(pair -> pair._2() == (FROM_THIS | FROM_OTHER))
        .map(Tuple2::_1);
  }

  /** The elements of {@code first} (with their duplicates) that do not occur in {@code second}. */
  static <T> RDD<T> subtract(RDD<T> first, RDD<T> second, int numPartitions) {
    // Per element: how many times it occurs in first, and whether it occurs in second (-1 marks "yes").
    RDD<Tuple2<T, Long>> tagged = first.mapToPair(x -> new Tuple2<>(x, 1L)).rdd()
        .union(second.mapToPair(x -> new Tuple2<>(x, -1L)).rdd());
    PairRDD<T, Long> counted = new PairRDD<>(tagged).reduceByKey(new HashPartitioner(numPartitions),
        (a, b) -> a < 0 || b < 0 ? -1L : a + b);
    return counted.rdd().flatMap(pair -> pair._2() < 0
        ? Collections.emptyIterator()
        : Collections.nCopies((int) (long) pair._2(), pair._1()).iterator());
  }

  /**
   * Redistributes the elements round-robin over {@code numPartitions} partitions through a shuffle, each
   * partition starting at a position of its own so that small partitions do not all land in the same place.
   */
  static <T> RDD<T> coalesceWithShuffle(RDD<T> rdd, int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
    RDD<Tuple2<Integer, T>> positioned = rdd.mapPartitionsWithIndex((index, it) -> {
      int[] position = {new Random(Integer.reverseBytes(index)).nextInt(numPartitions)};
      return Iterators.map(it, x -> new Tuple2<>(position[0]++, x));
    }, false);
    ShuffledRDD<Integer, T, T> shuffled = new ShuffledRDD<>(positioned, new HashPartitioner(numPartitions));
    return new PairRDD<>(shuffled).values();
  }

  /** The larger partition count of two RDDs, the default for operations combining them. */
  static int maxPartitions(List<? extends RDD<?>> rdds) {
    int max = 1;
    for (RDD<?> rdd : rdds) {
      max = Math.max(max, rdd.getNumPartitions());
    }
    return max;
  }
}
