package dev.ember.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.bench.Workload;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static final Path HOME = Path.of("/repo");

  @Test
  void defaultsAreAFullRunAtScaleOne() {
    BenchOptions options = BenchOptions.parse(new String[0], HOME);

    assertThat(options.workloads()).containsExactly(Workload.values());
    assertThat(options.tpchScale()).isEqualTo(1.0);
    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.warmups()).isEqualTo(1);
    assertThat(options.heap()).isEqualTo("4g");
    assertThat(options.threads()).isEqualTo(2);
    assertThat(options.dataDir()).isEqualTo(HOME.resolve("bench-data"));
    assertThat(options.resultsDir()).isEqualTo(HOME.resolve("bench-results"));
  }

  @Test
  void smokeRunsOnceOnTinyData() {
    BenchOptions options = BenchOptions.parse(new String[] {"--smoke"}, HOME);

    assertThat(options.tpchScale()).isEqualTo(0.01);
    assertThat(options.runs()).isEqualTo(1);
    assertThat(options.warmups()).isZero();
    assertThat(options.sizes().tag()).isEqualTo("smoke");
    assertThat(options.workloads()).as("the cluster workload only on request").doesNotContain(
        Workload.CLUSTER_WORDCOUNT).contains(Workload.WORDCOUNT);
    assertThat(BenchOptions.parse(new String[] {"--smoke", "--only", "cluster-wordcount"}, HOME).workloads())
        .containsExactly(Workload.CLUSTER_WORDCOUNT);
  }

  @Test
  void parsesOnlyScaleAndRuns() {
    BenchOptions options = BenchOptions.parse(
        new String[] {"--only", "tpch,wordcount", "--scale", "0.1", "--runs", "5"}, HOME);

    assertThat(options.workloads()).containsExactly(Workload.TPCH, Workload.WORDCOUNT);
    assertThat(options.tpchScale()).isEqualTo(0.1);
    assertThat(options.runs()).isEqualTo(5);
    assertThat(options.command()).isEqualTo("bin/ember-bench --only tpch,wordcount --scale 0.1 --runs 5");
  }

  @Test
  void rejectsUnknownOptionsAndWorkloads() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}, HOME))
        .hasMessageContaining("unknown option --fast");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--only", "sort"}, HOME))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duckDbMemoryLimitFollowsTheHeap() {
    assertThat(WorkloadRun.duckDbMemory("4g")).isEqualTo("4GB");
    assertThat(WorkloadRun.duckDbMemory("512m")).isEqualTo("512MB");
  }
}
