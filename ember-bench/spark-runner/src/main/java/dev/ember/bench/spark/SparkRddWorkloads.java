package dev.ember.bench.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The RDD workloads on Spark, written as Spark's classic examples (JavaWordCount, JavaPageRank,
 * JavaHdfsLR) write them, so that Ember's versions can be the same code with Ember's imports.
 */
final class SparkRddWorkloads {

  private SparkRddWorkloads() {
  }

  /** Counts the words; answers distinct words, total words and the largest count. */
  static List<Double> wordCount(JavaSparkContext sc, String input) {
    JavaPairRDD<String, Integer> counts = sc.textFile(input)
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
  static JavaRDD<Long> cacheInput(JavaSparkContext sc, long elements, int slices) {
    return sc.sc().range(0L, elements, 1L, slices).toJavaRDD()
        .map(x -> ((Long) x * 2_654_435_761L) % 1_000_003L);
  }

  /** Sums the RDD {@code passes} times; returns the sum. */
  static long passes(JavaRDD<Long> rdd, int passes) {
    long sum = 0;
    for (int pass = 0; pass < passes; pass++) {
      sum = rdd.reduce(Long::sum);
    }
    return sum;
  }

  /** PageRank as JavaPageRank; answers ranked vertices, the sum and the largest rank. */
  static List<Double> pageRank(JavaSparkContext sc, String input, int iterations) {
    JavaPairRDD<String, Iterable<String>> links = sc.textFile(input)
        .mapToPair(line -> {
          String[] parts = line.split(" ");
          return new Tuple2<>(parts[0], parts[1]);
        })
        .groupByKey()
        .cache();
    JavaPairRDD<String, Double> ranks = links.mapValues(targets -> 1.0);
    for (int iteration = 0; iteration < iterations; iteration++) {
      JavaPairRDD<String, Double> contributions = links.join(ranks).values()
          .flatMapToPair(linksAndRank -> {
            List<String> targets = new ArrayList<>();
            linksAndRank._1().forEach(targets::add);
            List<Tuple2<String, Double>> results = new ArrayList<>(targets.size());
            for (String target : targets) {
              results.add(new Tuple2<>(target, linksAndRank._2() / targets.size()));
            }
            return results.iterator();
          });
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
  static List<Double> logisticRegression(JavaSparkContext sc, String input, int dimensions,
      int iterations) {
    JavaRDD<double[]> points = sc.textFile(input).map(SparkRddWorkloads::parsePoint).cache();
    double[] weights = initialWeights(dimensions);
    for (int iteration = 0; iteration < iterations; iteration++) {
      double[] current = weights.clone();
      double[] gradient = points.map(point -> gradient(current, point))
          .reduce(SparkRddWorkloads::add);
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
