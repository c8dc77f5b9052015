package dev.ember.bench.harness;

import dev.ember.bench.Workload;
import dev.ember.bench.tpch.TpchQueries;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the results table: a timing a workload reports, and how the table labels it.
 *
 * @param key the timing's name in the child's result line
 * @param label the row label
 */
record Metric(String key, String label) {

  /** The rows a workload contributes to the table, the headline first. */
  static List<Metric> of(Workload workload) {
    return switch (workload) {
      case STARTUP -> List.of(new Metric("wall", "startup (new JVM to first count)"));
      case CACHE -> List.of(new Metric("cached", "cache: 10 passes, cached"),
          new Metric("uncached", "cache: 10 passes, uncached"));
      case TPCH -> {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("total", "tpch: 22 queries"));
        for (int query = 1; query <= TpchQueries.COUNT; query++) {
          metrics.add(new Metric(TpchQueries.name(query), "tpch " + TpchQueries.name(query)));
        }
        yield metrics;
      }
      case WORDCOUNT -> List.of(new Metric("total", "wordcount"));
      case PAGERANK -> List.of(new Metric("total", "pagerank: 10 iterations"));
      case LOGREG -> List.of(new Metric("total", "logreg: 20 iterations"));
      case CLUSTER_WORDCOUNT -> List.of(new Metric("total", "cluster-wordcount: standalone cluster"),
          new Metric("local", "cluster-wordcount: local[N], same data and run"));
    };
  }
}
