package dev.ember.bench.duckdb;

import dev.ember.bench.run.ChildArgs;
import dev.ember.bench.run.PeakMemory;
import dev.ember.bench.run.ResultLine;
import dev.ember.bench.tpch.TpchDriver;
import java.util.List;
import java.util.Map;

/**
 * The DuckDB child process: {@code DuckDbRunner tpch input=DIR answers=DIR threads=N memory=4GB
 * warmups=W}. Prints one {@link ResultLine}; workloads other than tpch are not DuckDB's.
 */
public final class DuckDbRunner {

  private DuckDbRunner() {
  }

  /** Runs one workload and prints its result line. */
  public static void main(String[] args) throws Exception {
    ChildArgs parsed = ChildArgs.parse(args);
    ResultLine result;
    if (parsed.workload().equals("tpch")) {
      try (DuckDbTpchRunner runner = new DuckDbTpchRunner(parsed.intValue("threads", 2),
          parsed.get("memory"))) {
        result = TpchDriver.run(runner, parsed.path("input"), parsed.path("answers"),
            parsed.intValue("warmups", 0));
      }
    } else {
      result = new ResultLine(ResultLine.NOT_YET, Map.of(), List.of(), PeakMemory.peakRssKb());
    }
    System.out.println(result.format());
  }
}
