package dev.ember.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one line a benchmark child process prints to tell the harness what it measured.
 *
 * <p>The format is {@code BENCH-RESULT key=value key=value ...} with no spaces inside values, so a
 * child needs no library to write it and the harness needs none to read it:
 * <pre>BENCH-RESULT status=ok ms.total=812.5 answer=50000,31000000 rssKb=412000</pre>
 * {@code status} is {@code ok}, {@code not-yet} (the engine cannot run the workload yet) or
 * {@code error}; {@code ms.NAME} are timings in milliseconds; {@code answer} is a comma-separated list
 * of numbers that must agree between engines; {@code rssKb} is the process's peak resident set.
 * The Spark runner writes the same format with its own copy of the writer, because it must not share a
 * classpath with Ember.
 *
 * @param status ok, not-yet or error
 * @param timingsMs timings by metric name, in the order written
 * @param answer numbers to compare across engines (may be empty)
 * @param peakRssKb peak resident set size of the child in KiB, or -1 when unknown
 */
public record ResultLine(String status, Map<String, Double> timingsMs, List<Double> answer, long peakRssKb) {

  /** The prefix that marks the result line among anything else the child prints. */
  public static final String PREFIX = "BENCH-RESULT ";

  /** Status of a workload that ran. */
  public static final String OK = "ok";
  /** Status of a workload the engine cannot run yet. */
  public static final String NOT_YET = "not-yet";
  /** Status of a workload that failed. */
  public static final String ERROR = "error";

  /** Validates and copies the parts. */
  public ResultLine {
    Objects.requireNonNull(status, "status is null");
    timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
    answer = List.copyOf(answer);
  }

  /** A result for a workload the engine cannot run yet. */
  public static ResultLine notYet() {
    return new ResultLine(NOT_YET, Map.of(), List.of(), PeakMemory.peakRssKb());
  }

  /** Formats this result as the line a child prints. */
  public String format() {
    StringBuilder line = new StringBuilder(PREFIX).append("status=").append(status);
    timingsMs.forEach((name, ms) -> line.append(" ms.").append(name).append('=').append(ms));
    if (!answer.isEmpty()) {
      line.append(" answer=");
      for (int i = 0; i < answer.size(); i++) {
        line.append(i == 0 ? "" : ",").append(answer.get(i));
      }
    }
    return line.append(" rssKb=").append(peakRssKb).toString();
  }

  /** Parses a line printed by a child, or returns empty when the line is not a result line. */
  public static Optional<ResultLine> parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String status = ERROR;
    Map<String, Double> timings = new LinkedHashMap<>();
    List<Double> answer = new ArrayList<>();
    long rss = -1;
    for (String part : line.substring(PREFIX.length()).trim().split(" +")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq);
      String value = part.substring(eq + 1);
      if (key.equals("status")) {
        status = value;
      } else if (key.startsWith("ms.")) {
        timings.put(key.substring(3), Double.parseDouble(value));
      } else if (key.equals("answer")) {
        for (String number : value.split(",")) {
          answer.add(Double.parseDouble(number));
        }
      } else if (key.equals("rssKb")) {
        rss = Long.parseLong(value);
      }
    }
    return Optional.of(new ResultLine(status, timings, answer, rss));
  }
}
