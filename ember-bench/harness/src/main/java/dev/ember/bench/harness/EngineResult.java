package dev.ember.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine's results for one workload over all its runs: the status, every run's timings, their
 * medians, the largest peak resident set, its answer and whether that answer matched the reference.
 */
final class EngineResult {

  /** Status of an engine that does not take part in a workload at all (DuckDB outside SQL). */
  static final String NOT_APPLICABLE = "n/a";

  private String status;
  private final List<Map<String, Double>> runs = new ArrayList<>();
  private long peakRssKb = -1;
  private List<Double> answer = List.of();
  private String answerCheck = "";
  private String error = "";

  EngineResult(String status) {
    this.status = status;
  }

  void add(EngineOutcome outcome) {
    status = outcome.status();
    error = outcome.error();
    if (outcome.status().equals("ok")) {
      runs.add(outcome.timingsMs());
      peakRssKb = Math.max(peakRssKb, outcome.peakRssKb());
      answer = outcome.answer();
    }
  }

  String status() {
    return status;
  }

  String error() {
    return error;
  }

  List<Map<String, Double>> runs() {
    return Collections.unmodifiableList(runs);
  }

  long peakRssKb() {
    return peakRssKb;
  }

  List<Double> answer() {
    return answer;
  }

  String answerCheck() {
    return answerCheck;
  }

  void answerCheck(String check) {
    answerCheck = check;
  }

  /** The median of each metric over the runs. */
  Map<String, Double> medianMs() {
    Map<String, Double> medians = new LinkedHashMap<>();
    if (runs.isEmpty()) {
      return medians;
    }
    for (String metric : runs.get(0).keySet()) {
      List<Double> values = new ArrayList<>();
      for (Map<String, Double> run : runs) {
        if (run.containsKey(metric)) {
          values.add(run.get(metric));
        }
      }
      medians.put(metric, median(values));
    }
    return medians;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
