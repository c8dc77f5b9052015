package dev.ember.bench.ember;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.bench.run.ChildArgs;
import dev.ember.bench.run.PeakMemory;
import dev.ember.bench.run.ResultLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cluster-wordcount} workload: word count on a standalone cluster of {@code threads} one-core
 * workers (master, workers and executors each a JVM process on this machine, the driver in this one), then
 * the same word count on {@code local[threads]} in this process, timed alike (warm-up passes, then one timed
 * pass, the context already started). Reports {@code total} (the cluster) and {@code local}; the run fails if
 * the two answers differ. The executors together get the heap of this process, as local mode has.
 */
final class ClusterWordCount {

  private static final int MIN_EXECUTOR_MB = 512;

  private ClusterWordCount() {
  }

  static ResultLine run(ChildArgs args) throws Exception {
    int workers = args.intValue("threads", 2);
    int warmups = args.intValue("warmups", 0);
    String input = args.get("input");
    int executorMb = (int) Math.max(MIN_EXECUTOR_MB, Runtime.getRuntime().maxMemory() / (1024 * 1024) / workers);
    Map<String, Double> timings = new LinkedHashMap<>();
    Path logDir = Files.createTempDirectory("ember-bench-cluster");
    List<Double> clusterAnswer;
    try (StandaloneCluster cluster = new StandaloneCluster(logDir, workers, executorMb)) {
      EmberConf conf = new EmberConf().setMaster(cluster.masterUrl()).setAppName("ember-bench cluster-wordcount")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.executor.memory", executorMb + "m")
          .set("spark.cores.max", String.valueOf(workers))
          .set("spark.scheduler.minRegisteredResourcesRatio", "1.0")
          .set("spark.ui.showConsoleProgress", "false");
      clusterAnswer = timed(conf, input, warmups, timings, "total");
    }
    StandaloneCluster.deleteQuietly(logDir);
    List<Double> localAnswer = timed(new EmberConf().setMaster("local[" + workers + "]")
        .setAppName("ember-bench cluster-wordcount local").set("spark.ui.showConsoleProgress", "false"),
        input, warmups, timings, "local");
    if (!localAnswer.equals(clusterAnswer)) {
      throw new IllegalStateException("The cluster counted " + clusterAnswer + " but local mode " + localAnswer);
    }
    return new ResultLine(ResultLine.OK, timings, clusterAnswer, PeakMemory.peakRssKb());
  }

  private static List<Double> timed(EmberConf conf, String input, int warmups, Map<String, Double> timings,
      String key) {
    try (EmberContext ctx = new EmberContext(conf)) {
      for (int pass = 0; pass < warmups; pass++) {
        EmberRddWorkloads.wordCount(ctx.textFile(input));
      }
      long start = System.nanoTime();
      List<Double> answer = EmberRddWorkloads.wordCount(ctx.textFile(input));
      timings.put(key, (System.nanoTime() - start) / 1e6);
      return answer;
    }
  }
}
