package dev.ember.bench.harness;

import dev.ember.bench.Engine;
import dev.ember.bench.Workload;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every engine's results for one workload.
 *
 * @param workload the workload
 * @param engines each engine's result, for every engine
 */
record WorkloadResult(Workload workload, Map<Engine, EngineResult> engines) {

  static WorkloadResult start(Workload workload) {
    Map<Engine, EngineResult> engines = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      engines.put(engine, new EngineResult(engine.runs(workload) ? "pending" : EngineResult.NOT_APPLICABLE));
    }
    return new WorkloadResult(workload, Collections.unmodifiableMap(engines));
  }

  EngineResult get(Engine engine) {
    return engines.get(engine);
  }
}
