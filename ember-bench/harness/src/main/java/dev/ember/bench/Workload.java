package dev.ember.bench;

import java.util.Locale;

/** The benchmark workloads, each run by every engine that has it in a JVM process of its own. */
public enum Workload {
  /** A new JVM process until the first result of a 10-element count. */
  STARTUP,
  /** Word count over a Zipf-distributed text corpus. */
  WORDCOUNT,
  /** Ten passes over a cached RDD against ten over the same RDD uncached. */
  CACHE,
  /** The 22 TPC-H queries over Parquet, each timed and its answer checked against DuckDB's. */
  TPCH,
  /** Ten iterations of the classic RDD PageRank over a power-law graph. */
  PAGERANK,
  /** Twenty iterations of the classic RDD logistic regression (gradient descent). */
  LOGREG,
  /**
   * Word count on a standalone cluster (a master and one one-core worker per thread, as separate JVM
   * processes on this machine) next to Ember's {@code local[N]} on the same data in the same run.
   */
  CLUSTER_WORDCOUNT;

  /** The name used on the command line and in results, e.g. {@code wordcount}, {@code cluster-wordcount}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The workload with this command-line name. */
  public static Workload fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
