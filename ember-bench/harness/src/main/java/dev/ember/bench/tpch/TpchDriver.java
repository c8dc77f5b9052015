package dev.ember.bench.tpch;

import dev.ember.bench.run.AnswerRows;
import dev.ember.bench.run.PeakMemory;
import dev.ember.bench.run.ResultLine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the 22 queries on a {@link TpchQueryRunner}: {@code warmups} untimed passes, then one timed
 * pass whose answers are written to {@code answersDir/qNN.tsv}.
 */
public final class TpchDriver {

  private TpchDriver() {
  }

  /** Runs the workload and returns the result line to print. */
  public static ResultLine run(TpchQueryRunner runner, Path tpchDir, Path answersDir, int warmups)
      throws Exception {
    runner.registerTables(tpchDir);
    for (int pass = 0; pass < warmups; pass++) {
      for (int query = 1; query <= TpchQueries.COUNT; query++) {
        runner.run(TpchQueries.sql(query));
      }
    }
    Map<String, Double> timings = new LinkedHashMap<>();
    double total = 0;
    for (int query = 1; query <= TpchQueries.COUNT; query++) {
      String sql = TpchQueries.sql(query);
      long start = System.nanoTime();
      List<List<String>> rows = runner.run(sql);
      double ms = (System.nanoTime() - start) / 1e6;
      timings.put(TpchQueries.name(query), ms);
      total += ms;
      AnswerRows.write(answersDir.resolve(TpchQueries.name(query) + ".tsv"), rows);
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    ordered.put("total", total);
    ordered.putAll(timings);
    return new ResultLine(ResultLine.OK, ordered, List.of(), PeakMemory.peakRssKb());
  }
}
