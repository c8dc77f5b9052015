package dev.ember.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ember.bench.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark in smoke mode (tiny data, one run) so the harness cannot rot: every
 * workload must come back with a time or "not yet" from every engine that takes part, and every
 * answer that was checked must match.
 */
class HarnessSmokeTest {

  @Test
  void smokeRunReportsEveryWorkloadWithMatchingAnswers(@TempDir Path temp) throws Exception {
    Path home = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--heap", "1g",
        "--data", temp.resolve("data").toString(), "--results", temp.resolve("results").toString()},
        home);
    List<String> log = new ArrayList<>();

    Report report = new Harness(options, log::add).run();

    JsonNode json = new ObjectMapper().readTree(Files.readString(report.jsonFile()));
    JsonNode workloads = json.get("workloads");
    assertThat(workloads).hasSize(options.workloads().size());
    boolean sparkBuilt = Files.exists(home.resolve("ember-bench/spark-runner/target/spark.classpath"));
    for (JsonNode workload : workloads) {
      String name = workload.get("workload").asText();
      for (String engine : List.of("ember", "spark", "duckdb")) {
        JsonNode result = workload.get("engines").get(engine);
        String status = result.get("status").asText();
        String where = name + " on " + engine + " (" + result.get("error").asText() + ")";
        if (engine.equals("spark") && !sparkBuilt) {
          assertThat(status).as(where).isEqualTo("not run");
          continue;
        }
        assertThat(status).as(where).isIn("ok", "not yet", "n/a");
        if (status.equals("ok")) {
          assertThat(result.get("medianMs").size()).as(where).isPositive();
          assertThat(result.get("answerCheck").asText()).as(where).doesNotStartWith("differs");
        }
      }
    }
    JsonNode tpch = workloads.get(Workload.TPCH.ordinal());
    assertThat(tpch.get("engines").get("duckdb").get("status").asText()).isEqualTo("ok");
    if (sparkBuilt) {
      assertThat(tpch.get("engines").get("spark").get("answerCheck").asText()).isEqualTo("matched");
    }
    assertThat(report.table()).contains("| wordcount |", "| tpch q22 |");
  }
}
