package dev.ember.bench.ember;

import dev.ember.bench.run.ChildArgs;
import dev.ember.bench.run.ResultLine;
import dev.ember.bench.tpch.TpchDriver;
import dev.ember.bench.tpch.TpchQueryRunner;
import java.util.Optional;

/**
 * The Ember child process: {@code EmberRunner WORKLOAD threads=N input=PATH warmups=W ...}. Prints one
 * result line for the harness; a workload Ember cannot run yet is reported as "not yet".
 */
public final class EmberRunner {

  private EmberRunner() {
  }

  /** Runs one workload and prints its result line. */
  public static void main(String[] args) throws Exception {
    ChildArgs parsed = ChildArgs.parse(args);
    ResultLine result;
    if (parsed.workload().equals("tpch")) {
      result = tpch(parsed);
    } else {
      result = ResultLine.notYet();
    }
    System.out.println(result.format());
  }

  private static ResultLine tpch(ChildArgs args) throws Exception {
    Optional<TpchQueryRunner> runner = EmberTpch.create(args.intValue("threads", 2));
    if (runner.isEmpty()) {
      return ResultLine.notYet();
    }
    try (TpchQueryRunner tpch = runner.get()) {
      return TpchDriver.run(tpch, args.path("input"), args.path("answers"), args.intValue("warmups", 0));
    }
  }
}
