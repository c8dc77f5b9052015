package dev.ember.bench.tpch;

import dev.ember.bench.run.AnswerRows;
import dev.ember.bench.run.PeakMemory;
import dev.ember.bench.run.ResultLine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the 22 queries on a {@link TpchQueryRunner}: {@code warmups} untimed passes, then one timed
 * pass whose answers are written to {@code answersDir/qNN.tsv}.
 */
public final class TpchDriver {

  private TpchDriver() {
  }

  /**
   * Runs the workload and returns the result line to print. A query the engine rejects as not supported
   * (an exception whose message carries {@code UNSUPPORTED_FEATURE} or {@code PARSE_SYNTAX_ERROR}) does not
   * stop the run: the others still run and are timed, the rejected ones are named on stderr, and the status
   * is "not yet" so that no partial total is compared with another engine's.
   */
  public static ResultLine run(TpchQueryRunner runner, Path tpchDir, Path answersDir, int warmups)
      throws Exception {
    try {
      runner.registerTables(tpchDir);
    } catch (RuntimeException e) {
      if (!isUnsupported(e)) {
        throw e;
      }
      System.err.println("The tables cannot be read yet: " + firstLine(e));
      return ResultLine.notYet();
    }
    Set<Integer> unsupported = new TreeSet<>();
    for (int pass = 0; pass < warmups; pass++) {
      for (int query = 1; query <= TpchQueries.COUNT; query++) {
        if (!unsupported.contains(query)) {
          runOrRecord(runner, query, unsupported);
        }
      }
    }
    Map<String, Double> timings = new LinkedHashMap<>();
    double total = 0;
    for (int query = 1; query <= TpchQueries.COUNT; query++) {
      if (unsupported.contains(query)) {
        continue;
      }
      long start = System.nanoTime();
      List<List<String>> rows = runOrRecord(runner, query, unsupported);
      double ms = (System.nanoTime() - start) / 1e6;
      if (rows != null) {
        timings.put(TpchQueries.name(query), ms);
        total += ms;
        AnswerRows.write(answersDir.resolve(TpchQueries.name(query) + ".tsv"), rows);
      }
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    if (unsupported.isEmpty()) {
      ordered.put("total", total);
    }
    ordered.putAll(timings);
    String status = unsupported.isEmpty() ? ResultLine.OK : ResultLine.NOT_YET;
    return new ResultLine(status, ordered, List.of(), PeakMemory.peakRssKb());
  }

  /** The query's rows, or null (and the query added to {@code unsupported}) when the engine rejects it. */
  private static List<List<String>> runOrRecord(TpchQueryRunner runner, int query, Set<Integer> unsupported)
      throws Exception {
    try {
      return runner.run(TpchQueries.sql(query));
    } catch (RuntimeException e) {
      if (!isUnsupported(e)) {
        throw e;
      }
      unsupported.add(query);
      System.err.println(TpchQueries.name(query) + " not supported yet: " + firstLine(e));
      return null;
    }
  }

  private static boolean isUnsupported(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("UNSUPPORTED_FEATURE") || message.contains("PARSE_SYNTAX_ERROR");
  }

  private static String firstLine(RuntimeException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
