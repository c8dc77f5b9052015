package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.scheduler.PartitionFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Takes the first elements of an RDD without computing all of it, as Spark's {@code take} does: a first job
 * scans one partition, and each following job scans more partitions (estimated from how many elements the
 * scanned ones gave, at most {@code spark.rdd.limit.scaleUpFactor} times as many as scanned so far) until
 * enough are found. {@code take} and {@code takeAsync} differ only in how they run each round's job.
 */
final class PartialScan {

  /** Runs one round's job over {@code partitions}; returns each partition's first elements, in order. */
  @FunctionalInterface
  interface Round<T, E extends Exception> {
    List<? extends List<T>> run(int[] partitions, PartitionFunction<T, ArrayList<T>> firstElements) throws E;
  }

  private PartialScan() {}

  /** The first {@code num} elements of {@code rdd}, each round a blocking job. */
  static <T> List<T> take(RDD<T> rdd, int num) {
    Round<T, RuntimeException> blocking = (partitions, first) -> rdd.context().runJob(rdd, first, partitions);
    return scan(rdd, num, blocking);
  }

  /** The first {@code num} elements of {@code rdd}, each round run by {@code round}. */
  static <T, E extends Exception> List<T> scan(RDD<T> rdd, int num, Round<T, E> round) throws E {
    List<T> taken = new ArrayList<>();
    int totalParts = rdd.getNumPartitions();
    int scaleUp = scaleUpFactor(rdd.context());
    int scanned = 0;
    while (taken.size() < num && scanned < totalParts) {
      int[] partitions = IntStream.range(scanned,
          Math.min(totalParts, scanned + partsToTry(num, scanned, taken.size(), scaleUp))).toArray();
      int left = num - taken.size();
      for (List<T> result : round.run(partitions, firstElements(left))) {
        taken.addAll(result.subList(0, Math.min(result.size(), num - taken.size())));
      }
      scanned += partitions.length;
    }
    return taken;
  }

  /** {@code spark.rdd.limit.scaleUpFactor} (default 4, at least 2), as Spark reads it. */
  static int scaleUpFactor(EmberContext context) {
    return Math.max(context.getConf().getInt("ember.rdd.limit.scaleUpFactor", 4), 2);
  }

  /**
   * How many partitions the next round scans: one at first, then {@code scaleUp} times the scanned ones while
   * nothing is found, else 1.5 times the partitions the elements still wanted should need at the yield so far,
   * capped at {@code scaleUp} times the scanned ones.
   */
  static int partsToTry(int num, int scanned, int found, int scaleUp) {
    if (scanned == 0) {
      return 1;
    }
    if (found == 0) {
      return scanned * scaleUp;
    }
    int left = num - found;
    int estimate = (int) Math.ceil(1.5 * left * scanned / found);
    return Math.max(1, Math.min(estimate, scanned * scaleUp));
  }

  private static <T> PartitionFunction<T, ArrayList<T>> firstElements(int count) {
    return (context, records) -> {
      ArrayList<T> first = new ArrayList<>(Math.min(count, 1024));
      while (first.size() < count && records.hasNext()) {
        first.add(records.next());
      }
      return first;
    };
  }
}
