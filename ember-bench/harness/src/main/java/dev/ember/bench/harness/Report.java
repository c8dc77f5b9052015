package dev.ember.bench.harness;

import dev.ember.bench.Engine;
import dev.ember.bench.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a benchmark run: a Markdown table (workload, each engine's median time, the
 * Ember/Spark and Ember/DuckDB ratios, each engine's peak resident memory, the answer check) and the
 * same as JSON, written to {@code results.json} and {@code results.md} in the run's directory and
 * copied to {@code latest.json} and {@code latest.md} beside it.
 */
public final class Report {

  private final BenchOptions options;
  private final MachineInfo machine;
  private final List<WorkloadResult> results;
  private final Path runDir;
  private final String loadAtStart;
  private final String loadAtEnd;

  Report(BenchOptions options, MachineInfo machine, List<WorkloadResult> results, Path runDir,
      String loadAtStart, String loadAtEnd) {
    this.options = options;
    this.machine = machine;
    this.results = List.copyOf(results);
    this.runDir = runDir;
    this.loadAtStart = loadAtStart;
    this.loadAtEnd = loadAtEnd;
  }

  /** The JSON file of this run. */
  public Path jsonFile() {
    return runDir.resolve("results.json");
  }

  /** The results as a Markdown table, preceded by the command and the machine. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("Command: `").append(options.command()).append("`  \n");
    out.append("Machine: ").append(machine.describe()).append("  \n");
    out.append("Load average (1/5/15 min): ").append(loadAtStart).append(" at start, ").append(loadAtEnd)
        .append(" at end  \n");
    out.append(String.format(Locale.ROOT, "Settings: heap -Xmx%s for every JVM (DuckDB memory_limit "
        + "the same), %d threads (local[%d], DuckDB threads=%d), TPC-H SF %s, %d timed run(s) per "
        + "engine (median), %d warm-up pass(es)%s%n%n", options.heap(), options.threads(),
        options.threads(), options.threads(), formatScale(options.tpchScale()), options.runs(),
        options.warmups(), options.smoke() ? ", smoke data" : ""));
    out.append("| Workload | Ember | Spark | DuckDB | Ember/Spark | Ember/DuckDB "
        + "| Ember peak RSS | Spark peak RSS | DuckDB peak RSS | Answers |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (WorkloadResult result : results) {
      boolean first = true;
      for (Metric metric : Metric.of(result.workload())) {
        out.append("| ").append(metric.label());
        for (Engine engine : Engine.values()) {
          out.append(" | ").append(time(result.get(engine), metric.key()));
        }
        out.append(" | ").append(ratio(result, Engine.SPARK, metric.key()));
        out.append(" | ").append(ratio(result, Engine.DUCKDB, metric.key()));
        for (Engine engine : Engine.values()) {
          out.append(" | ").append(first ? memory(result.get(engine)) : "");
        }
        out.append(" | ").append(first ? answers(result) : "").append(" |\n");
        first = false;
      }
      if (result.workload() == Workload.CLUSTER_WORDCOUNT) {
        out.append(clusterRatioRow(result.get(Engine.EMBER)));
      }
    }
    return out.toString();
  }

  /** The row of the cluster's time over local mode's (the goal is at most 1.5), if both ran. */
  private static String clusterRatioRow(EngineResult ember) {
    Double cluster = ember.medianMs().get("total");
    Double local = ember.medianMs().get("local");
    String ratio = cluster == null || local == null || local <= 0 ? "—"
        : String.format(Locale.ROOT, "%.2f", cluster / local);
    return "| cluster-wordcount: cluster / local[N] (goal ≤ 1.5) | " + ratio
        + " | n/a | n/a | — | — |  |  |  |  |\n";
  }

  /** Writes the JSON and the table into the run directory and as latest.* beside it. */
  void write() throws IOException {
    String json = JsonWriter.write(toJson());
    String table = table();
    Files.writeString(jsonFile(), json);
    Files.writeString(runDir.resolve("results.md"), table);
    Files.writeString(runDir.resolveSibling("latest.json"), json);
    Files.writeString(runDir.resolveSibling("latest.md"), table);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", options.command());
    Map<String, Object> machineJson = new LinkedHashMap<>();
    machineJson.put("cores", machine.cores());
    machineJson.put("memoryKb", machine.memoryKb());
    machineJson.put("cpu", machine.cpu());
    machineJson.put("jdk", machine.jdk());
    machineJson.put("os", machine.os());
    machineJson.put("loadAverageAtStart", loadAtStart);
    machineJson.put("loadAverageAtEnd", loadAtEnd);
    json.put("machine", machineJson);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("heap", options.heap());
    settings.put("threads", options.threads());
    settings.put("tpchScale", options.tpchScale());
    settings.put("runs", options.runs());
    settings.put("warmups", options.warmups());
    settings.put("smoke", options.smoke());
    json.put("settings", settings);
    List<Object> workloads = new ArrayList<>();
    for (WorkloadResult result : results) {
      Map<String, Object> workload = new LinkedHashMap<>();
      workload.put("workload", result.workload().id());
      Map<String, Object> engines = new LinkedHashMap<>();
      for (Engine engine : Engine.values()) {
        EngineResult engineResult = result.get(engine);
        Map<String, Object> engineJson = new LinkedHashMap<>();
        engineJson.put("status", displayStatus(engineResult.status()));
        engineJson.put("medianMs", engineResult.medianMs());
        engineJson.put("runsMs", engineResult.runs());
        engineJson.put("peakRssKb", engineResult.peakRssKb());
        engineJson.put("answer", engineResult.answer());
        engineJson.put("answerCheck", engineResult.answerCheck());
        engineJson.put("error", engineResult.error());
        engines.put(engine.id(), engineJson);
      }
      workload.put("engines", engines);
      workloads.add(workload);
    }
    json.put("workloads", workloads);
    return json;
  }

  private static String displayStatus(String status) {
    return switch (status) {
      case "not-yet" -> "not yet";
      case "pending" -> "not run";
      default -> status;
    };
  }

  private static String time(EngineResult result, String metric) {
    if (!result.status().equals("ok")) {
      return switch (result.status()) {
        case EngineResult.NOT_APPLICABLE -> "n/a";
        default -> displayStatus(result.status());
      };
    }
    Double ms = result.medianMs().get(metric);
    return ms == null ? "—" : formatMs(ms);
  }

  private static String ratio(WorkloadResult result, Engine other, String metric) {
    Double ember = result.get(Engine.EMBER).medianMs().get(metric);
    Double theirs = result.get(other).medianMs().get(metric);
    if (ember == null || theirs == null || theirs <= 0) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.2f", ember / theirs);
  }

  private static String memory(EngineResult result) {
    return result.peakRssKb() > 0
        ? String.format(Locale.ROOT, "%.0f MiB", result.peakRssKb() / 1024.0) : "—";
  }

  private static String answers(WorkloadResult result) {
    List<String> problems = new ArrayList<>();
    boolean checked = false;
    for (Engine engine : Engine.values()) {
      String check = result.get(engine).answerCheck();
      if (check.equals("matched")) {
        checked = true;
      } else if (check.startsWith("differs")) {
        problems.add(engine.id() + " differs");
      }
    }
    if (!problems.isEmpty()) {
      return String.join(", ", problems);
    }
    return checked ? "match" : "—";
  }

  static String formatMs(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000)
        : String.format(Locale.ROOT, "%.0f ms", ms);
  }

  private static String formatScale(double scale) {
    String text = Double.toString(scale);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
