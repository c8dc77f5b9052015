package dev.ember;

import dev.ember.rdd.RDD;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Chooses the range bounds of a {@link RangePartitioner} the way Spark does: a job reservoir-samples the keys
 * of every partition (about {@code samplePointsPerPartitionHint} points per output partition in all, three
 * times over to allow for skew), each sampled key weighted by how many keys it stands for; partitions much
 * larger than average are sampled again at a fixed fraction so they are not under-represented. The bounds are
 * then the keys at equal steps of cumulated weight.
 */
final class RangeBoundsSampler {

  private static final int MAX_SAMPLE_SIZE = 1_000_000;

  private RangeBoundsSampler() {}

  /** The sketch of one partition: how many keys it holds and a uniform sample of them. */
  record Sketch<K>(int partition, long count, ArrayList<K> sample) implements Serializable {}

  /** A sampled key and how many keys of the input it stands for. */
  record Candidate<K>(K key, double weight) {}

  /** Samples {@code rdd}'s keys and returns at most {@code partitions - 1} ordered, distinct bounds. */
  static <K, V> List<K> bounds(RDD<Tuple2<K, V>> rdd, int partitions, int samplePointsPerPartitionHint,
      Comparator<? super K> ordering) {
    double sampleSize = Math.min((double) samplePointsPerPartitionHint * partitions, MAX_SAMPLE_SIZE);
    int perPartition = (int) Math.ceil(3.0 * sampleSize / Math.max(rdd.getNumPartitions(), 1));
    List<Sketch<K>> sketches = sketch(rdd, perPartition);
    long total = sketches.stream().mapToLong(Sketch::count).sum();
    if (total == 0) {
      return List.of();
    }
    double fraction = Math.min(sampleSize / Math.max(total, 1), 1.0);
    List<Candidate<K>> candidates = new ArrayList<>();
    List<Integer> imbalanced = new ArrayList<>();
    for (Sketch<K> sketch : sketches) {
      if (fraction * sketch.count() > perPartition) {
        imbalanced.add(sketch.partition());
      } else {
        double weight = (double) sketch.count() / Math.max(sketch.sample().size(), 1);
        sketch.sample().forEach(key -> candidates.add(new Candidate<>(key, weight)));
      }
    }
    if (!imbalanced.isEmpty()) {
      double weight = 1.0 / fraction;
      resample(rdd, imbalanced, fraction).forEach(key -> candidates.add(new Candidate<>(key, weight)));
    }
    return determineBounds(candidates, partitions, ordering);
  }

  /** Runs the sampling job: one reservoir sample of at most {@code perPartition} keys per partition. */
  private static <K, V> List<Sketch<K>> sketch(RDD<Tuple2<K, V>> rdd, int perPartition) {
    int rddId = rdd.id();
    return rdd.context().runJob(rdd, (taskContext, records) -> {
      int partition = taskContext.partitionId();
      Random random = new Random(seedFor(rddId, partition));
      ArrayList<K> reservoir = new ArrayList<>(perPartition);
      long seen = 0;
      while (records.hasNext()) {
        K key = records.next()._1();
        seen++;
        if (reservoir.size() < perPartition) {
          reservoir.add(key);
        } else {
          long slot = (long) (random.nextDouble() * seen);
          if (slot < perPartition) {
            reservoir.set((int) slot, key);
          }
        }
      }
      return new Sketch<>(partition, seen, reservoir);
    });
  }

  /** Samples the keys of {@code partitions} again, each kept with probability {@code fraction}. */
  private static <K, V> List<K> resample(RDD<Tuple2<K, V>> rdd, List<Integer> partitions, double fraction) {
    int[] which = partitions.stream().mapToInt(Integer::intValue).toArray();
    int rddId = rdd.id();
    List<ArrayList<K>> samples = rdd.context().runJob(rdd, (taskContext, records) -> {
      Random random = new Random(seedFor(rddId, taskContext.partitionId()) ^ 0x5DEECE66DL);
      ArrayList<K> kept = new ArrayList<>();
      while (records.hasNext()) {
        K key = records.next()._1();
        if (random.nextDouble() < fraction) {
          kept.add(key);
        }
      }
      return kept;
    }, which);
    List<K> all = new ArrayList<>();
    samples.forEach(all::addAll);
    return all;
  }

  /**
   * Sorts the weighted candidates and picks a bound each time the cumulated weight passes the next multiple of
   * {@code total / partitions}, skipping keys equal to the previous bound so bounds are strictly increasing.
   */
  static <K> List<K> determineBounds(List<Candidate<K>> candidates, int partitions,
      Comparator<? super K> ordering) {
    List<Candidate<K>> ordered = new ArrayList<>(candidates);
    ordered.sort((a, b) -> ordering.compare(a.key(), b.key()));
    double totalWeight = ordered.stream().mapToDouble(Candidate::weight).sum();
    double step = totalWeight / partitions;
    double cumulated = 0;
    double target = step;
    List<K> bounds = new ArrayList<>(Math.max(partitions - 1, 0));
    K previous = null;
    for (int i = 0; i < ordered.size() && bounds.size() < partitions - 1; i++) {
      Candidate<K> candidate = ordered.get(i);
      cumulated += candidate.weight();
      if (cumulated >= target) {
        if (bounds.isEmpty() || ordering.compare(candidate.key(), previous) > 0) {
          bounds.add(candidate.key());
          previous = candidate.key();
          target += step;
        }
      }
    }
    return bounds;
  }

  /** A deterministic seed per RDD and partition, so re-running a sort picks the same bounds. */
  private static long seedFor(int rddId, int partition) {
    return Integer.reverseBytes(rddId * 31 + partition) * 0x9E3779B97F4A7C15L;
  }
}
