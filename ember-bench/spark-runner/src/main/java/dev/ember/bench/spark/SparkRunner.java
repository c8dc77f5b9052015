package dev.ember.bench.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark child process: {@code SparkRunner WORKLOAD threads=N input=PATH warmups=W ...}. Runs
 * Spark in local mode with {@code local[N]} and otherwise Spark's defaults, except binding the driver
 * to 127.0.0.1 (there is no network to resolve the host name on); the heap is the JVM's -Xmx. Prints
 * one result line for the harness.
 */
public final class SparkRunner {

  private SparkRunner() {
  }

  /** Runs one workload and prints its result line. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    RunnerArgs parsed = RunnerArgs.parse(args);
    int threads = parsed.intValue("threads", 2);
    SparkConf conf = new SparkConf()
        .setMaster("local[" + threads + "]")
        .setAppName("ember-bench " + parsed.workload())
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    int warmups = parsed.intValue("warmups", 0);
    Map<String, Double> timings = new LinkedHashMap<>();
    List<Double> answer = List.of();
    if (parsed.workload().equals("tpch")) {
      SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
      try {
        timings = SparkTpch.run(spark, Path.of(parsed.get("input")), Path.of(parsed.get("answers")),
            warmups);
      } finally {
        spark.stop();
      }
    } else {
      try (JavaSparkContext sc = new JavaSparkContext(conf)) {
        if (parsed.workload().equals("startup")) {
          answer = List.of((double) sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).count());
          timings.put("inProcess", (System.nanoTime() - start) / 1e6);
        } else if (parsed.workload().equals("cache")) {
          answer = runCache(sc, parsed, warmups, timings, threads);
        } else {
          for (int pass = 0; pass < warmups; pass++) {
            rddWorkload(sc, parsed);
          }
          long timed = System.nanoTime();
          answer = rddWorkload(sc, parsed);
          timings.put("total", (System.nanoTime() - timed) / 1e6);
        }
      }
    }
    System.out.println(ResultPrinter.format("ok", timings, answer));
  }

  private static List<Double> rddWorkload(JavaSparkContext sc, RunnerArgs args) {
    return switch (args.workload()) {
      case "wordcount" -> SparkRddWorkloads.wordCount(sc, args.get("input"));
      case "pagerank" -> SparkRddWorkloads.pageRank(sc, args.get("input"), args.intValue("iterations", 10));
      case "logreg" ->
          SparkRddWorkloads.logisticRegression(sc, args.get("input"), args.intValue("features", 20),
              args.intValue("iterations", 20));
      default -> throw new IllegalArgumentException("unknown workload " + args.workload());
    };
  }

  private static List<Double> runCache(JavaSparkContext sc, RunnerArgs args, int warmups,
      Map<String, Double> timings, int threads) {
    long elements = args.longValue("elements", 10_000_000L);
    int passes = args.intValue("passes", 10);
    long sum = 0;
    for (int round = 0; round <= warmups; round++) {
      long start = System.nanoTime();
      JavaRDD<Long> cached = SparkRddWorkloads.cacheInput(sc, elements, threads).cache();
      sum = SparkRddWorkloads.passes(cached, passes);
      double cachedMs = (System.nanoTime() - start) / 1e6;
      cached.unpersist(true);
      start = System.nanoTime();
      long uncachedSum = SparkRddWorkloads.passes(SparkRddWorkloads.cacheInput(sc, elements, threads),
          passes);
      double uncachedMs = (System.nanoTime() - start) / 1e6;
      if (uncachedSum != sum) {
        throw new IllegalStateException("cached and uncached sums differ: " + sum + " " + uncachedSum);
      }
      timings.put("cached", cachedMs);
      timings.put("uncached", uncachedMs);
    }
    return List.of((double) sum);
  }
}
