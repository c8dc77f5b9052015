package dev.ember.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The engines compared, and which workloads each one takes part in. */
public enum Engine {
  /** Ember itself; a workload it cannot run yet is reported as "not yet". */
  EMBER(Set.of(Workload.values())),
  /** Apache Spark in local mode, in a JVM with its own classpath; Ember's own cluster is not its to run. */
  SPARK(EnumSet.complementOf(EnumSet.of(Workload.CLUSTER_WORDCOUNT))),
  /** DuckDB through its JDBC driver, for SQL only. */
  DUCKDB(Set.of(Workload.TPCH));

  private final Set<Workload> workloads;

  Engine(Set<Workload> workloads) {
    this.workloads = workloads;
  }

  /** Whether this engine takes part in the workload at all (as opposed to "not yet"). */
  public boolean runs(Workload workload) {
    return workloads.contains(workload);
  }

  /** The name used in results, e.g. {@code duckdb}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
