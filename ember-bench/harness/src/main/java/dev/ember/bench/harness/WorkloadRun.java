package dev.ember.bench.harness;

import dev.ember.bench.Engine;
import dev.ember.bench.Workload;
import dev.ember.bench.data.DataLayout;
import dev.ember.bench.run.ResultLine;
import dev.ember.bench.tpch.AnswerComparator;
import dev.ember.bench.tpch.TpchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The runs of one workload on every engine, interleaved, and the check of their answers. */
final class WorkloadRun {

  private final Workload workload;
  private final BenchOptions options;
  private final DataLayout layout;
  private final Path runDir;
  private final JavaCommands commands;
  private final ChildLauncher launcher;
  private final Consumer<String> log;

  WorkloadRun(Workload workload, BenchOptions options, DataLayout layout, Path runDir,
      JavaCommands commands, ChildLauncher launcher, Consumer<String> log) {
    this.workload = workload;
    this.options = options;
    this.layout = layout;
    this.runDir = runDir;
    this.commands = commands;
    this.launcher = launcher;
    this.log = log;
  }

  WorkloadResult run(List<Engine> available) {
    WorkloadResult result = WorkloadResult.start(workload);
    List<Engine> engines = available.stream().filter(engine -> engine.runs(workload)).toList();
    if (workload == Workload.STARTUP) {
      for (int warmup = 0; warmup < options.warmups(); warmup++) {
        for (Engine engine : engines) {
          launch(engine, "warmup" + warmup);
        }
      }
    }
    for (int run = 0; run < options.runs(); run++) {
      for (int i = 0; i < engines.size(); i++) {
        Engine engine = engines.get((i + run) % engines.size());
        EngineResult engineResult = result.get(engine);
        if (!Harness.keepsRunning(engineResult.status())) {
          continue;
        }
        EngineOutcome outcome = launch(engine, "run" + run);
        engineResult.add(outcome);
        log.accept(String.format("%-9s %-6s run %d: %s%s", workload.id(), engine.id(), run + 1,
            outcome.status(), outcome.status().equals(ResultLine.OK)
                ? " " + outcome.timingsMs() : outcome.error().isEmpty() ? "" : " " + outcome.error()));
      }
    }
    for (Engine engine : available) {
      if (!engine.runs(workload)) {
        continue;
      }
      EngineResult engineResult = result.get(engine);
      if (engineResult.status().equals("pending")) {
        engineResult.add(new EngineOutcome(ResultLine.ERROR, java.util.Map.of(), List.of(), -1,
            "not run"));
      }
    }
    checkAnswers(result);
    return result;
  }

  private EngineOutcome launch(Engine engine, String label) {
    List<String> arguments = new ArrayList<>();
    arguments.add(workload.id());
    arguments.add("threads=" + options.threads());
    arguments.add("warmups=" + (workload == Workload.STARTUP ? 0 : options.warmups()));
    switch (workload) {
      case WORDCOUNT, CLUSTER_WORDCOUNT -> arguments.add("input=" + layout.words());
      case PAGERANK -> arguments.add("input=" + layout.graph());
      case LOGREG -> {
        arguments.add("input=" + layout.logreg());
        arguments.add("features=" + layout.sizes().logregFeatures());
      }
      case CACHE -> arguments.add("elements=" + layout.sizes().cacheElements());
      case TPCH -> {
        arguments.add("input=" + layout.tpchDir());
        arguments.add("answers=" + answersDir(engine));
        arguments.add("memory=" + duckDbMemory(options.heap()));
      }
      case STARTUP -> {
        // A 10-element count needs no input.
      }
    }
    Path logFile = runDir.resolve("logs").resolve(workload.id() + "-" + engine.id() + "-" + label + ".log");
    return launcher.launch(commands.command(engine, arguments), logFile);
  }

  private Path answersDir(Engine engine) {
    return runDir.resolve("answers").resolve(engine.id());
  }

  /**
   * Checks each engine's answer against the reference: DuckDB's for TPC-H (query by query), Spark's
   * for the RDD workloads.
   */
  private void checkAnswers(WorkloadResult result) {
    Engine reference = workload == Workload.TPCH ? Engine.DUCKDB : Engine.SPARK;
    EngineResult referenceResult = result.get(reference);
    boolean referenceRan = referenceResult.status().equals(ResultLine.OK);
    for (Engine engine : Engine.values()) {
      EngineResult engineResult = result.get(engine);
      if (!engineResult.status().equals(ResultLine.OK)) {
        continue;
      }
      if (workload == Workload.CLUSTER_WORDCOUNT) {
        // The child compares the cluster's answer with local mode's and fails the run if they differ.
        engineResult.answerCheck("matched");
      } else if (engine == reference) {
        engineResult.answerCheck("reference");
      } else if (!referenceRan) {
        engineResult.answerCheck("unchecked: " + reference.id() + " did not run");
      } else if (workload == Workload.TPCH) {
        engineResult.answerCheck(compareTpch(answersDir(reference), answersDir(engine)));
      } else {
        engineResult.answerCheck(compareNumbers(referenceResult.answer(), engineResult.answer()));
      }
    }
  }

  private static String compareTpch(Path expectedDir, Path actualDir) {
    List<String> differences = new ArrayList<>();
    for (int query = 1; query <= TpchQueries.COUNT; query++) {
      String file = TpchQueries.name(query) + ".tsv";
      if (!Files.exists(actualDir.resolve(file)) || !Files.exists(expectedDir.resolve(file))) {
        differences.add(TpchQueries.name(query) + ": no answer");
        continue;
      }
      Optional<String> difference =
          AnswerComparator.compareFiles(expectedDir.resolve(file), actualDir.resolve(file));
      if (difference.isPresent()) {
        differences.add(TpchQueries.name(query) + ": " + difference.get());
      }
    }
    return differences.isEmpty() ? "matched" : "differs: " + String.join("; ", differences);
  }

  private static String compareNumbers(List<Double> expected, List<Double> actual) {
    if (expected.size() != actual.size()) {
      return "differs: expected " + expected + " but got " + actual;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!AnswerComparator.numbersMatch(expected.get(i), actual.get(i))) {
        return "differs: expected " + expected + " but got " + actual;
      }
    }
    return "matched";
  }

  /** DuckDB's memory_limit for a JVM heap size such as {@code 4g} or {@code 512m}. */
  static String duckDbMemory(String heap) {
    String lower = heap.toLowerCase(java.util.Locale.ROOT);
    char unit = lower.charAt(lower.length() - 1);
    String number = Character.isDigit(unit) ? lower : lower.substring(0, lower.length() - 1);
    return switch (unit) {
      case 'g' -> number + "GB";
      case 'm' -> number + "MB";
      case 'k' -> number + "KB";
      default -> number + "B";
    };
  }
}
