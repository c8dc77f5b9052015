package dev.ember.bench.harness;

import dev.ember.bench.Workload;
import dev.ember.bench.data.DataSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run does.
 *
 * @param workloads the workloads to run, in order
 * @param tpchScale TPC-H scale factor
 * @param runs timed runs per engine and workload (each a new process); the median is reported
 * @param warmups untimed passes inside each process before the timed one (for startup: untimed
 *     process launches before the timed ones)
 * @param smoke tiny data, one run, no warm-up
 * @param heap the -Xmx of every engine's JVM (DuckDB's memory_limit too), e.g. {@code 4g}
 * @param threads cores every engine may use: {@code local[N]} and DuckDB's {@code threads}
 * @param home the repository root, where the built runners are found
 * @param dataDir where generated data is kept and reused
 * @param resultsDir where results are written
 * @param childTimeout how long one child process may run before it is stopped
 * @param command the command line as the user typed it, for the report
 */
public record BenchOptions(List<Workload> workloads, double tpchScale, int runs, int warmups,
    boolean smoke, String heap, int threads, Path home, Path dataDir, Path resultsDir,
    Duration childTimeout, String command) {

  /** Validates the options. */
  public BenchOptions {
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(heap, "heap is null");
    Objects.requireNonNull(home, "home is null");
    Objects.requireNonNull(dataDir, "dataDir is null");
    Objects.requireNonNull(resultsDir, "resultsDir is null");
    if (runs < 1 || warmups < 0 || threads < 1 || tpchScale <= 0) {
      throw new IllegalArgumentException("runs and threads must be at least 1, warmups at least 0, "
          + "and the scale factor positive");
    }
  }

  /** The data sizes these options call for. */
  public DataSizes sizes() {
    return smoke ? DataSizes.smoke(tpchScale) : DataSizes.full(tpchScale);
  }

  /** Parses the command line; {@code home} is the repository root. */
  public static BenchOptions parse(String[] args, Path home) {
    List<Workload> workloads = null;
    Double scale = null;
    Integer runs = null;
    Integer warmups = null;
    boolean smoke = false;
    String heap = "4g";
    int threads = 2;
    Path data = home.resolve("bench-data");
    Path results = home.resolve("bench-results");
    long timeoutMinutes = 60;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--smoke" -> smoke = true;
        case "--scale" -> scale = Double.parseDouble(value(args, ++i, arg));
        case "--only" -> workloads = parseWorkloads(value(args, ++i, arg));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
        case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, arg));
        case "--heap" -> heap = value(args, ++i, arg);
        case "--threads", "--cores" -> threads = Integer.parseInt(value(args, ++i, arg));
        case "--data" -> data = Path.of(value(args, ++i, arg));
        case "--results" -> results = Path.of(value(args, ++i, arg));
        case "--timeout-minutes" -> timeoutMinutes = Long.parseLong(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    return new BenchOptions(workloads != null ? workloads : defaultWorkloads(smoke),
        scale != null ? scale : smoke ? 0.01 : 1.0,
        runs != null ? runs : smoke ? 1 : 3, warmups != null ? warmups : smoke ? 0 : 1, smoke, heap,
        threads, home, data, results, Duration.ofMinutes(timeoutMinutes),
        "bin/ember-bench" + (args.length == 0 ? "" : " " + String.join(" ", args)));
  }

  /**
   * Every workload, except in a smoke run {@code cluster-wordcount}: it starts a master, workers and
   * executors as JVM processes, which takes longer than the smoke run's budget on a busy machine. A smoke
   * run still takes it with {@code --only cluster-wordcount}.
   */
  static List<Workload> defaultWorkloads(boolean smoke) {
    List<Workload> workloads = new ArrayList<>(List.of(Workload.values()));
    if (smoke) {
      workloads.remove(Workload.CLUSTER_WORDCOUNT);
    }
    return workloads;
  }

  /** The command-line help. */
  public static String usage() {
    return """
        usage: bin/ember-bench [--scale SF] [--only tpch,wordcount,...] [--runs N] [--smoke]
                               [--warmups N] [--heap 4g] [--threads N] [--data DIR] [--results DIR]
                               [--timeout-minutes M]
          workloads: startup, wordcount, cache, tpch, pagerank, logreg, cluster-wordcount
          --smoke    tiny data (TPC-H SF 0.01), one run, no warm-up, no cluster-wordcount""";
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args[index];
  }

  private static List<Workload> parseWorkloads(String list) {
    List<Workload> workloads = new ArrayList<>();
    for (String id : list.split(",")) {
      if (!id.isBlank()) {
        workloads.add(Workload.fromId(id));
      }
    }
    return workloads;
  }
}
