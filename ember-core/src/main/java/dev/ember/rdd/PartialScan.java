package dev.ember.rdd;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Takes the first elements of an RDD without computing all of it, as Spark's {@code take} does: a first job
 * scans one partition, and each following job scans more partitions ({@code ember.rdd.limit.scaleUpFactor}
 * times as many, at least, estimated from how many elements the scanned ones gave) until enough are found.
 */
final class PartialScan {

  private PartialScan() {}

  static <T> List<T> take(RDD<T> rdd, int wanted) {
    if (wanted < 0) {
      throw new IllegalArgumentException("take needs a non-negative count but was given " + wanted + ".");
    }
    List<T> taken = new ArrayList<>(Math.min(wanted, 1024));
    int total = rdd.getNumPartitions();
    int scaleUp = Math.max(rdd.context().getConf().getInt("ember.rdd.limit.scaleUpFactor", 4), 2);
    int scanned = 0;
    while (taken.size() < wanted && scanned < total) {
      int next = 1;
      if (scanned > 0) {
        next = taken.isEmpty() ? scanned * scaleUp
            : Math.min((int) Math.ceil(1.5 * wanted * scanned / taken.size()) - scanned, scanned * scaleUp);
        next = Math.max(next, 1);
      }
      int[] partitions = new int[Math.min(next, total - scanned)];
      for (int i = 0; i < partitions.length; i++) {
        partitions[i] = scanned + i;
      }
      int left = wanted - taken.size();
      List<ArrayList<T>> results = rdd.context().runJob(rdd, (context, records) -> firstOf(records, left),
          partitions);
      for (ArrayList<T> result : results) {
        taken.addAll(result.subList(0, Math.min(result.size(), wanted - taken.size())));
      }
      scanned += partitions.length;
    }
    return taken;
  }

  private static <T> ArrayList<T> firstOf(Iterator<T> records, int count) {
    ArrayList<T> first = new ArrayList<>(Math.min(count, 1024));
    while (first.size() < count && records.hasNext()) {
      first.add(records.next());
    }
    return first;
  }
}
