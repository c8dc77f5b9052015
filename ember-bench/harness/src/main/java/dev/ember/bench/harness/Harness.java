package dev.ember.bench.harness;

import dev.ember.bench.Engine;
import dev.ember.bench.Workload;
import dev.ember.bench.data.DataGenerator;
import dev.ember.bench.data.DataLayout;
import dev.ember.bench.run.ResultLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the benchmark: generates (or reuses) the data, then for each workload launches every engine's
 * child process {@code runs} times, alternating which engine goes first run by run, checks the
 * answers agree, and writes the report.
 */
public final class Harness {

  private final BenchOptions options;
  private final Consumer<String> log;
  private final JavaCommands commands;
  private final ChildLauncher launcher;

  /** A harness for these options that reports progress to {@code log}. */
  public Harness(BenchOptions options, Consumer<String> log) {
    this.options = options;
    this.log = log;
    this.commands = new JavaCommands(options.home(), options.heap());
    this.launcher = new ChildLauncher(options.childTimeout());
  }

  /** Runs everything and returns the report, already written under the results directory. */
  public Report run() throws Exception {
    DataLayout layout = new DataLayout(options.dataDir(), options.sizes());
    DataGenerator generator = new DataGenerator(layout, log);
    Path runDir = options.resultsDir()
        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(runDir);
    String loadAtStart = MachineInfo.loadAverage();
    List<Engine> engines = new ArrayList<>(List.of(Engine.values()));
    if (!commands.sparkAvailable()) {
      log.accept("Spark runner not built (no ember-bench/spark-runner/target/spark.classpath): "
          + "skipping Spark");
      engines.remove(Engine.SPARK);
    }
    List<WorkloadResult> results = new ArrayList<>();
    for (Workload workload : options.workloads()) {
      generateData(workload, generator);
      WorkloadRun run = new WorkloadRun(workload, options, layout, runDir, commands, launcher, log);
      results.add(run.run(engines));
    }
    Report report = new Report(options, MachineInfo.current(), results, runDir, loadAtStart,
        MachineInfo.loadAverage());
    report.write();
    return report;
  }

  private static void generateData(Workload workload, DataGenerator generator) {
    switch (workload) {
      case WORDCOUNT, CLUSTER_WORDCOUNT -> generator.words();
      case TPCH -> generator.tpch();
      case PAGERANK -> generator.graph();
      case LOGREG -> generator.logreg();
      case STARTUP, CACHE -> {
        // Nothing to read: the data is generated inside the job.
      }
    }
  }

  /** Whether a status means the engine ran the workload and should run it again. */
  static boolean keepsRunning(String status) {
    return status.equals(ResultLine.OK) || status.equals("pending");
  }
}
