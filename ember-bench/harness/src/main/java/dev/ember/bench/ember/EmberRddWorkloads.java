package dev.ember.bench.ember;

import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import dev.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The RDD workloads on Ember: line for line the Spark runner's versions of Spark's classic examples
 * (JavaWordCount, JavaPageRank, JavaHdfsLR), with Ember's imports. Each takes its input as an RDD of
 * lines ({@code textFile} in the benchmark, {@code parallelize} in tests).
 */
final class EmberRddWorkloads {

  private EmberRddWorkloads() {
  }

  /** Counts the words of the lines; answers distinct words, total words and the largest count. */
  static List<Double> wordCount(RDD<String> lines) {
    PairRDD<String, Integer> counts = lines
        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .reduceByKey(Integer::sum);
    long total = 0;
    long max = 0;
    List<Tuple2<String, Integer>> output = counts.collect();
    for (Tuple2<String, Integer> count : output) {
      total += count._2();
      max = Math.max(max, count._2());
    }
    return List.of((double) output.size(), (double) total, (double) max);
  }

  /** The RDD the cache workload passes over: {@code elements} longs, each mixed a little. */
  static RDD<Long> cacheInput(EmberContext ctx, long elements, int slices) {
    return ctx.range(0L, elements, 1L, slices).map(x -> (x * 2_654_435_761L) % 1_000_003L);
  }

  /** Sums the RDD {@code passes} times; returns the sum. */
  static long passes(RDD<Long> rdd, int passes) {
    long sum = 0;
    for (int pass = 0; pass < passes; pass++) {
      sum = rdd.reduce(Long::sum);
    }
    return sum;
  }

  /** PageRank over {@code src dst} lines as JavaPageRank; answers ranked vertices, sum and top rank. */
  static List<Double> pageRank(RDD<String> lines, int iterations) {
    PairRDD<String, Iterable<String>> links = lines
        .mapToPair(line -> {
          String[] parts = line.split(" ");
          return new Tuple2<>(parts[0], parts[1]);
        })
        .groupByKey()
        .cache();
    PairRDD<String, Double> ranks = links.mapValues(targets -> 1.0);
    for (int iteration = 0; iteration < iterations; iteration++) {
      PairRDD<String, Double> contributions = links.join(ranks).values()
          .flatMap(linksAndRank -> {
            List<String> targets = new ArrayList<>();
            linksAndRank._1().forEach(targets::add);
            List<Tuple2<String, Double>> results = new ArrayList<>(targets.size());
            for (String target : targets) {
              results.add(new Tuple2<>(target, linksAndRank._2() / targets.size()));
            }
            return results.iterator();
          })
          .mapToPair(contribution -> contribution);
      ranks = contributions.reduceByKey(Double::sum).mapValues(sum -> 0.15 + sum * 0.85);
    }
    double sum = 0;
    double max = 0;
    List<Tuple2<String, Double>> output = ranks.collect();
    for (Tuple2<String, Double> rank : output) {
      sum += rank._2();
      max = Math.max(max, rank._2());
    }
    return List.of((double) output.size(), sum, max);
  }

  /** Logistic regression as JavaHdfsLR (gradient descent, no step size); answers the weights. */
  static List<Double> logisticRegression(RDD<String> lines, int dimensions, int iterations) {
    RDD<double[]> points = lines.map(EmberRddWorkloads::parsePoint).cache();
    double[] weights = initialWeights(dimensions);
    for (int iteration = 0; iteration < iterations; iteration++) {
      double[] current = weights.clone();
      double[] gradient = points.map(point -> gradient(current, point)).reduce(EmberRddWorkloads::add);
      for (int i = 0; i < dimensions; i++) {
        weights[i] -= gradient[i];
      }
    }
    List<Double> answer = new ArrayList<>(dimensions);
    for (double weight : weights) {
      answer.add(weight);
    }
    return answer;
  }

  static double[] initialWeights(int dimensions) {
    Random random = new Random(42);
    double[] weights = new double[dimensions];
    for (int i = 0; i < dimensions; i++) {
      weights[i] = 2 * random.nextDouble() - 1;
    }
    return weights;
  }

  /** Parses {@code label x1 .. xD} into {@code [label, x1, .., xD]}. */
  static double[] parsePoint(String line) {
    String[] parts = line.split(" ");
    double[] point = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      point[i] = Double.parseDouble(parts[i]);
    }
    return point;
  }

  static double[] gradient(double[] weights, double[] point) {
    double label = point[0];
    double dot = 0;
    for (int i = 0; i < weights.length; i++) {
      dot += weights[i] * point[i + 1];
    }
    double scale = (1 / (1 + Math.exp(-label * dot)) - 1) * label;
    double[] gradient = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      gradient[i] = scale * point[i + 1];
    }
    return gradient;
  }

  static double[] add(double[] a, double[] b) {
    double[] sum = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }
}
