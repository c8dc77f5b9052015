package dev.ember.bench.ember;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.bench.run.ChildArgs;
import dev.ember.bench.run.PeakMemory;
import dev.ember.bench.run.ResultLine;
import dev.ember.bench.tpch.TpchDriver;
import dev.ember.bench.tpch.TpchQueryRunner;
import dev.ember.rdd.RDD;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ember child process: {@code EmberRunner WORKLOAD threads=N input=PATH warmups=W ...}. Runs Ember
 * with {@code local[N]} and its defaults; the heap is the JVM's -Xmx. Prints one result line for the
 * harness; a workload Ember cannot run yet is reported as "not yet".
 */
public final class EmberRunner {

  private EmberRunner() {
  }

  /** Runs one workload and prints its result line. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    ChildArgs parsed = ChildArgs.parse(args);
    ResultLine result = switch (parsed.workload()) {
      case "tpch" -> tpch(parsed);
      case "startup", "cache", "wordcount", "pagerank", "logreg" -> rdd(parsed, start);
      case "cluster-wordcount" -> ClusterWordCount.run(parsed);
      default -> throw new IllegalArgumentException("unknown workload " + parsed.workload());
    };
    System.out.println(result.format());
  }

  private static ResultLine rdd(ChildArgs args, long start) {
    int threads = args.intValue("threads", 2);
    EmberConf conf = new EmberConf()
        .setMaster("local[" + threads + "]")
        .setAppName("ember-bench " + args.workload());
    int warmups = args.intValue("warmups", 0);
    Map<String, Double> timings = new LinkedHashMap<>();
    List<Double> answer;
    try (EmberContext ctx = new EmberContext(conf)) {
      switch (args.workload()) {
        case "startup" -> {
          answer = List.of((double) ctx.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), threads).count());
          timings.put("inProcess", (System.nanoTime() - start) / 1e6);
        }
        case "cache" -> answer = cache(ctx, args, warmups, timings, threads);
        default -> {
          for (int pass = 0; pass < warmups; pass++) {
            workload(ctx, args);
          }
          long timed = System.nanoTime();
          answer = workload(ctx, args);
          timings.put("total", (System.nanoTime() - timed) / 1e6);
        }
      }
    }
    return new ResultLine(ResultLine.OK, timings, answer, PeakMemory.peakRssKb());
  }

  private static List<Double> workload(EmberContext ctx, ChildArgs args) {
    return switch (args.workload()) {
      case "wordcount" -> EmberRddWorkloads.wordCount(ctx.textFile(args.get("input")));
      case "pagerank" -> EmberRddWorkloads.pageRank(ctx.textFile(args.get("input")),
          args.intValue("iterations", 10));
      case "logreg" -> EmberRddWorkloads.logisticRegression(ctx.textFile(args.get("input")),
          args.intValue("features", 20), args.intValue("iterations", 20));
      default -> throw new IllegalArgumentException("unknown workload " + args.workload());
    };
  }

  private static List<Double> cache(EmberContext ctx, ChildArgs args, int warmups,
      Map<String, Double> timings, int threads) {
    long elements = args.longValue("elements", 10_000_000L);
    int passes = args.intValue("passes", 10);
    long sum = 0;
    for (int round = 0; round <= warmups; round++) {
      long start = System.nanoTime();
      RDD<Long> cached = EmberRddWorkloads.cacheInput(ctx, elements, threads).cache();
      sum = EmberRddWorkloads.passes(cached, passes);
      double cachedMs = (System.nanoTime() - start) / 1e6;
      cached.unpersist(true);
      start = System.nanoTime();
      long uncachedSum = EmberRddWorkloads.passes(EmberRddWorkloads.cacheInput(ctx, elements, threads), passes);
      double uncachedMs = (System.nanoTime() - start) / 1e6;
      if (uncachedSum != sum) {
        throw new IllegalStateException("cached and uncached sums differ: " + sum + " " + uncachedSum);
      }
      timings.put("cached", cachedMs);
      timings.put("uncached", uncachedMs);
    }
    return List.of((double) sum);
  }

  private static ResultLine tpch(ChildArgs args) throws Exception {
    try (TpchQueryRunner tpch = new EmberSqlTpchRunner(args.intValue("threads", 2))) {
      return TpchDriver.run(tpch, args.path("input"), args.path("answers"), args.intValue("warmups", 0));
    }
  }
}
