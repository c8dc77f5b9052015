package dev.ember.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.bench.Engine;
import dev.ember.bench.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code cluster-wordcount} is named and reported: Ember only, with the cluster / local[N] ratio. */
class ClusterWordCountReportTest {

  @Test
  void onlyEmberRunsItAndTheTableShowsBothTimesAndTheirRatio() {
    assertThat(Workload.CLUSTER_WORDCOUNT.id()).isEqualTo("cluster-wordcount");
    assertThat(Workload.fromId("cluster-wordcount")).isEqualTo(Workload.CLUSTER_WORDCOUNT);
    assertThat(Engine.EMBER.runs(Workload.CLUSTER_WORDCOUNT)).isTrue();
    assertThat(Engine.SPARK.runs(Workload.CLUSTER_WORDCOUNT)).isFalse();
    assertThat(Engine.DUCKDB.runs(Workload.CLUSTER_WORDCOUNT)).isFalse();
    WorkloadResult result = WorkloadResult.start(Workload.CLUSTER_WORDCOUNT);
    result.get(Engine.EMBER).add(new EngineOutcome("ok", Map.of("total", 1500.0, "local", 1200.0),
        List.of(3.0), 2048, ""));
    BenchOptions options = BenchOptions.parse(new String[] {"--only", "cluster-wordcount"}, Path.of("/repo"));

    String table = new Report(options, MachineInfo.current(), List.of(result), Path.of("/tmp/unused"), "0", "0")
        .table();

    assertThat(table)
        .contains("| cluster-wordcount: standalone cluster | 1.50 s | n/a | n/a |")
        .contains("| cluster-wordcount: local[N], same data and run | 1.20 s | n/a | n/a |")
        .contains("| cluster-wordcount: cluster / local[N] (goal ≤ 1.5) | 1.25 | n/a | n/a |");
  }
}
