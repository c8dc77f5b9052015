package dev.ember.bench;

import dev.ember.bench.harness.BenchOptions;
import dev.ember.bench.harness.Harness;
import dev.ember.bench.harness.Report;
import java.nio.file.Path;

/**
 * The {@code bin/ember-bench} command: runs the chosen workloads on Ember, Spark and DuckDB and
 * prints the results table. The repository root is taken from the {@code ember.home} system property
 * (set by the launcher), or the working directory.
 */
public final class BenchMain {

  private BenchMain() {
  }

  /** Parses the options, runs the benchmark and prints the table. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(BenchOptions.usage());
      return;
    }
    Path home = Path.of(System.getProperty("ember.home", ".")).toAbsolutePath().normalize();
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, home);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Report report = new Harness(options, message -> System.err.println("[ember-bench] " + message))
        .run();
    System.out.println(report.table());
    System.out.println("Results: " + report.jsonFile());
  }
}
